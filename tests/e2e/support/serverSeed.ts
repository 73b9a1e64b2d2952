import { v7 as uuidv7 } from 'uuid';
import { formatHlc } from '../../../src/domain/hlc.ts';
import type { StudentFields } from '../../../src/domain/student.ts';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type Mutation } from '../../../src/sync/protocol.ts';
import { postSync } from '../../../src/sync/postSync.ts';
import { signedInFetch } from './serverAccounts.ts';

const SEEDING_CLIENT = uuidv7();

/**
 * Registers students on the running server as another device would, through
 * the public sync API, so a journey starts from a class that already exists.
 */
export async function registerStudentsOnServer(url: string, students: readonly StudentFields[]): Promise<string[]> {
  const now = Date.now();
  const mutations: Mutation[] = students.map((fields, counter) => ({
    id: uuidv7(),
    clientId: SEEDING_CLIENT,
    hlc: formatHlc({ millis: now, counter, node: SEEDING_CLIENT.replace(/-/g, '').slice(-16) }),
    schema: SCHEMA_VERSION,
    entity: 'student',
    entityId: uuidv7(),
    op: 'create',
    fields,
  }));
  const reply = await postSync(await signedInFetch(url, 'team', SEEDING_CLIENT), url, {
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    clientId: SEEDING_CLIENT,
    cursor: 0,
    limit: 1,
    mutations,
  });
  if (!reply.results.every((result) => result.status === 'applied')) {
    throw new Error(`seeding students refused: ${JSON.stringify(reply.results)}`);
  }
  return mutations.map((mutation) => mutation.entityId);
}
