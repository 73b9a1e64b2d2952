import { createReferral, respondToReferral, type ReferralError } from '../domain/referral.ts';
import type { ReferralRow } from './caseworkRecords.ts';
import { addRecord, changedFields, setRecordFields, writeTransaction, type AddOutcome } from './recordWrites.ts';
import { nextHlc } from './syncMeta.ts';
import type { UraDatabase } from './UraDatabase.ts';

/** What the referral form supplies (see createReferral); the case comes from the device. */
export type ReferralInput = Parameters<typeof createReferral>[1];
export type ReferralAnswer = Parameters<typeof respondToReferral>[1];

/** A refusal writes nothing; `code` is the domain's (`casework:referralError.<code>`). */
export type ReferralAddResult = { ok: true; outcome: AddOutcome } | { ok: false; code: ReferralError };
export type ReferralAnswerResult = { ok: true; referral: ReferralRow } | { ok: false; code: ReferralError };

/**
 * Hands a case over or refers it (referral.ts decides who may send what).
 * Made offline, it stays pending until the receiving side answers after sync.
 * A repeated id writes nothing.
 */
export async function addReferral(db: UraDatabase, caseId: string, input: ReferralInput): Promise<ReferralAddResult> {
  return writeTransaction(db, [db.referrals, db.cases], async () => {
    if ((await db.referrals.get(input.id)) !== undefined) return { ok: true, outcome: 'alreadyAdded' };
    const record = await db.cases.get(caseId);
    if (!record) throw new Error('case not found');
    const result = createReferral(record, input);
    if (!result.ok) return result;
    return { ok: true, outcome: await addRecord(db, db.referrals, 'referral', result.referral, await nextHlc(db)) };
  });
}

/**
 * The receiving side accepts or declines. Synced as a `set` of the answer's
 * fields, which reaches the sender's device with its next pull.
 */
export async function answerReferral(
  db: UraDatabase,
  id: string,
  answer: ReferralAnswer,
): Promise<ReferralAnswerResult> {
  return writeTransaction(db, [db.referrals], async () => {
    const current = await db.referrals.get(id);
    if (!current) throw new Error('referral not found');
    const result = respondToReferral(current, answer);
    if (!result.ok) return result;
    await setRecordFields(
      db,
      db.referrals,
      'referral',
      current,
      changedFields(current, result.referral),
      await nextHlc(db),
    );
    return { ok: true, referral: (await db.referrals.get(id)) ?? current };
  });
}

export async function referralsForCase(db: UraDatabase, caseId: string): Promise<ReferralRow[]> {
  return db.referrals.where('caseId').equals(caseId).toArray();
}

/** Referrals still waiting for an answer, oldest first (the receiving side's list). */
export async function pendingReferrals(db: UraDatabase): Promise<ReferralRow[]> {
  const rows = await db.referrals.where('status').equals('pending').toArray();
  return rows.sort((a, b) => (a.sentAt === b.sentAt ? (a.id < b.id ? -1 : 1) : a.sentAt < b.sentAt ? -1 : 1));
}
