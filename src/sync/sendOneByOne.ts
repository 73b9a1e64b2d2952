import { SyncRefusedError } from './postSync.ts';
import type { Mutation, SyncResponse } from './protocol.ts';

/**
 * A batch the server refused as malformed, sent again one mutation at a time
 * so that only the bad ones are marked rejected and the rest go through. Each
 * reply's changes are applied as they come; the last reply stands for the
 * batch, with every mutation's result. Loaded only when a batch is refused:
 * it is rare, and the app's first load carries the sync.
 */
export async function sendOneByOne(
  mutations: readonly Mutation[],
  send: (batch: Mutation[]) => Promise<SyncResponse>,
  apply: (reply: SyncResponse) => Promise<void>,
): Promise<SyncResponse> {
  let last: SyncResponse | undefined;
  const results: SyncResponse['results'] = [];
  for (const mutation of mutations) {
    try {
      last = await send([mutation]);
      results.push(...last.results);
      await apply(last);
    } catch (error) {
      if (!(error instanceof SyncRefusedError) || error.code !== 'bad_request') throw error;
      results.push({ id: mutation.id, status: 'rejected', code: 'invalid_fields' });
    }
  }
  const reply = last ?? (await send([]));
  return { ...reply, results, changes: last ? [] : reply.changes };
}
