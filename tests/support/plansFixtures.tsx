/** Seeding and rendering helpers for the plan and referral screens' component tests. */
import { configure, render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import type { WorkerRole } from '../../src/domain/workerRole.ts';
import { db } from '../../src/storage/database.ts';
import type { OutboxRow } from '../../src/storage/UraDatabase.ts';
import { createStudent } from '../../src/storage/studentRepository.ts';
import { useToastStore } from '../../src/state/toastStore.ts';
import { useWorkerStore } from '../../src/state/workerStore.ts';
import { openCaseOn } from './caseworkDevice.ts';
import { makeStudentFields, seedSchool } from './clientFixtures.ts';

// Live queries answer after IndexedDB does; on a busy machine that can take more than the default second.
configure({ asyncUtilTimeout: 5000 });

/** Per-test limit for these screens' tests, which type whole sentences into several fields. */
export const PLANS_TEST_TIMEOUT = 20_000;

/** An empty device with one school, one student (Ana Krasniqi) and an open case; returns the case id. */
export async function seedPlanCase(country: 'XK' | 'RS' = 'RS'): Promise<string> {
  await Promise.all(db.tables.map((table) => table.clear()));
  const school = await seedSchool(db, { country });
  const studentId = await createStudent(
    db,
    makeStudentFields({ givenName: 'Ana', familyName: 'Krasniqi', schoolId: school.id }),
  );
  return openCaseOn(db, studentId);
}

/** The worker on this phone, as the settings screen would set them. */
export function actAs(role: WorkerRole, name = 'Vesna Petrović'): void {
  useWorkerStore.setState({ name, role });
  useToastStore.setState({ message: undefined });
}

/** The outbox rows of one record type, oldest first. */
export async function outboxRowsFor(entity: 'planAction' | 'referral'): Promise<OutboxRow[]> {
  return (await db.outbox.orderBy('seq').toArray()).filter((row) => row.mutation.entity === entity);
}

export function renderWithUser(element: ReactElement): RenderResult & { user: ReturnType<typeof userEvent.setup> } {
  // No pause between keystrokes: the tests check what is typed, not how fast.
  const user = userEvent.setup({ delay: null });
  return { user, ...render(element) };
}
