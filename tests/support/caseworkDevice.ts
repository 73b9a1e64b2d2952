import { expect } from 'vitest';
import type { Mutation } from '../../src/sync/protocol.ts';
import { createCase, transitionCase } from '../../src/storage/caseRepository.ts';
import { newRecordId } from '../../src/storage/recordWrites.ts';
import type { UraDatabase } from '../../src/storage/UraDatabase.ts';
import { USER_ID } from './caseworkFixtures.ts';

/** The mutations queued after the first one (the student's create), oldest first. */
export async function outboxAfterStudent(db: UraDatabase): Promise<Mutation[]> {
  return (await db.outbox.orderBy('seq').toArray()).slice(1).map((row) => row.mutation);
}

/** Flags a case for the student and returns its id. */
export async function flagCaseOn(db: UraDatabase, studentId: string, at = '2026-11-02'): Promise<string> {
  const id = newRecordId();
  await createCase(db, { id, studentId, trigger: 'absence', at });
  return id;
}

/** Flags and opens a case with USER_ID as its case manager. */
export async function openCaseOn(db: UraDatabase, studentId: string): Promise<string> {
  const id = await flagCaseOn(db, studentId);
  const opened = await transitionCase(db, id, 'open', { at: '2026-11-03', caseManagerId: USER_ID });
  expect(opened.ok).toBe(true);
  return id;
}
