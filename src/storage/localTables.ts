import type { Table } from 'dexie';
import type { Entity } from '../sync/protocol.ts';
import { studentSearchKey } from './studentRepository.ts';
import type { StudentRecord, UraDatabase } from './UraDatabase.ts';

export interface Versioned {
  id: string;
  hlcs: Record<string, string>;
}

/** Where each synced record type lives on the device, and what to derive when it changes. */
export interface LocalTable {
  table: Table<Versioned, string>;
  derive?: (record: Versioned) => Versioned;
}

/** The device table of each synced record type. */
export function localTables(db: UraDatabase): Record<Entity, LocalTable> {
  return {
    student: {
      table: db.students as unknown as Table<Versioned, string>,
      derive: (record) => {
        // A role that may not see `community` is never sent it: the device holds "not recorded".
        const student = { community: '', ...record } as StudentRecord;
        return { ...student, searchKey: studentSearchKey(student), updatedAt: Date.now() } as Versioned;
      },
    },
    school: { table: db.schools as unknown as Table<Versioned, string> },
    municipality: { table: db.municipalities as unknown as Table<Versioned, string> },
    case: { table: db.cases },
    caseEvent: { table: db.caseEvents },
    screening: { table: db.screenings },
    homeVisit: { table: db.homeVisits },
    planAction: { table: db.planActions },
    referral: { table: db.referrals },
    conflict: { table: db.conflicts as unknown as Table<Versioned, string> },
    mapPlan: { table: db.mapPlans },
    mapGoal: { table: db.mapGoals },
    mapActivity: { table: db.mapActivities },
    mapProgress: { table: db.mapProgress },
  };
}
