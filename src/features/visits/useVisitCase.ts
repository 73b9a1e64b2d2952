import { useEffect, useState } from 'react';
import type { CaseStatus } from '../../domain/caseRecord.ts';
import type { LocalizedName } from '../../domain/localizedName.ts';
import { getCase } from '../../storage/caseRepository.ts';
import type { HomeVisitRow } from '../../storage/caseworkRecords.ts';
import { db } from '../../storage/database.ts';
import { loadDraft } from '../../storage/draftRepository.ts';
import { getHomeVisit } from '../../storage/homeVisitRepository.ts';
import { getStudent } from '../../storage/studentRepository.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';

/** Who the note is about, for the header; the student or school may not have synced to this phone yet. */
export interface VisitCaseSummary {
  status: CaseStatus;
  studentName: string | null;
  className: string | null;
  schoolName: LocalizedName | null;
}

export type VisitCaseContext =
  | { kind: 'caseMissing' }
  | { kind: 'originalMissing'; summary: VisitCaseSummary }
  | { kind: 'ready'; summary: VisitCaseSummary; original: HomeVisitRow | null };

/** The case, its student and, for a correction, the note being corrected; `undefined` while loading. */
export function useVisitCase(caseId: string, correctionOf: string | null): VisitCaseContext | undefined {
  return useLiveQuery(async (): Promise<VisitCaseContext> => {
    const caseRow = await getCase(db, caseId);
    if (caseRow === undefined) return { kind: 'caseMissing' };
    const [student, school] = await Promise.all([getStudent(db, caseRow.studentId), db.schools.get(caseRow.schoolId)]);
    const summary: VisitCaseSummary = {
      status: caseRow.status,
      studentName: student ? `${student.givenName} ${student.familyName}` : null,
      className: student && student.className !== '' ? student.className : null,
      schoolName: school?.name ?? null,
    };
    if (correctionOf === null) return { kind: 'ready', summary, original: null };
    const original = await getHomeVisit(db, correctionOf);
    // A note of another case is refused by addHomeVisit; treat it as not found here already.
    if (original?.caseId !== caseId) return { kind: 'originalMissing', summary };
    return { kind: 'ready', summary, original };
  }, [caseId, correctionOf]);
}

/**
 * The half-written note kept for this form, read once when the screen opens
 * (not live: the form's own autosaves must not reset what is on screen).
 * `undefined` while loading, `null` when there is none.
 */
export function useStoredDraft(draftKey: string): unknown {
  const [loaded, setLoaded] = useState<{ key: string; value: unknown }>();
  useEffect(() => {
    let active = true;
    void loadDraft<unknown>(db, draftKey)
      .catch(() => undefined)
      .then((value) => {
        if (active) setLoaded({ key: draftKey, value: value ?? null });
      });
    return () => {
      active = false;
    };
  }, [draftKey]);
  return loaded?.key === draftKey ? loaded.value : undefined;
}
