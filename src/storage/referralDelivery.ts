import type { UraDatabase } from './UraDatabase.ts';

/**
 * Whether a referral's latest change has left the phone: `queued` while a
 * mutation for it waits in the outbox (it goes with the next sync), `refused`
 * when the server turned it down, `delivered` once the server has it.
 */
export type ReferralDelivery = 'queued' | 'refused' | 'delivered';

/**
 * The delivery state of each referral in `ids`. Reads the outbox, so a live
 * query built on it updates when a sync settles the rows.
 */
export async function referralDeliveries(
  db: UraDatabase,
  ids: readonly string[],
): Promise<ReadonlyMap<string, ReferralDelivery>> {
  const wanted = new Set(ids);
  const deliveries = new Map<string, ReferralDelivery>(ids.map((id) => [id, 'delivered']));
  // The outbox has no index on entityId, and holds only the changes not yet synced: a scan stays small.
  await db.outbox.each((row) => {
    const { entity, entityId } = row.mutation;
    if (entity !== 'referral' || !wanted.has(entityId)) return;
    if (row.state === 'pending') deliveries.set(entityId, 'queued');
    else if (deliveries.get(entityId) !== 'queued') deliveries.set(entityId, 'refused');
  });
  return deliveries;
}
