/**
 * A move re-sends everything under the moved student (reissueMoved.ts). The
 * mover's own device gets those rows back only when the move shows it
 * something it did not see before; everyone else who now reaches the record
 * gets them whole.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classKeyOf } from '../../../src/domain/accessScope.ts';
import type { TempDatabase } from '../../support/serverFixtures.ts';
import {
  addUser,
  CLASS_5_1,
  createScopeWorld,
  deviceMutation,
  pullAll,
  SCHOOL_A,
  SCHOOL_B,
  storeCaseFile,
  storeStudent,
  syncAs,
  type PulledWorld,
} from '../../support/scopeFixtures.ts';

const CLASS_5_3 = classKeyOf(5, '5/3');

describe('a move and the mover’s own device', () => {
  let world: TempDatabase;
  let studentId: string;
  beforeEach(async () => {
    world = await createScopeWorld();
    studentId = await storeStudent(world.db, SCHOOL_A, { community: 'roma' });
    await storeCaseFile(world.db, studentId, SCHOOL_A);
  });
  afterEach(async () => {
    await world.cleanup();
  });

  /** The mover's device pushes the edit after pulling everything, and reads the same reply a phone would. */
  async function pushAfterPull(userId: string, clientId: string, fields: object) {
    const held = await pullAll(world.db, userId, { clientId });
    const reply = await syncAs(world.db, userId, {
      clientId,
      cursor: held.cursor,
      scopeVersion: held.scopeVersion ?? 0,
      mutations: [deviceMutation('student', studentId, 'set', fields, clientId)],
    });
    expect(reply.results.map((result) => result.status)).toEqual(['applied']);
    return { held, reply };
  }

  function next(userId: string, clientId: string, from: PulledWorld) {
    return pullAll(world.db, userId, { clientId, cursor: from.cursor, scopeVersion: from.scopeVersion ?? 0 });
  }

  it('sends a teacher who moves a student between two of their classes nothing back', async () => {
    const teacher = await addUser(world.db, [
      { role: 'teacher', schoolId: SCHOOL_A, classKey: CLASS_5_1 },
      { role: 'teacher', schoolId: SCHOOL_A, classKey: CLASS_5_3 },
    ]);
    const colleague = await addUser(world.db, [{ role: 'teacher', schoolId: SCHOOL_A, classKey: CLASS_5_3 }]);
    const colleagueBefore = await pullAll(world.db, colleague, { clientId: randomUUID() });
    const otherPhone = randomUUID();
    const otherPhoneBefore = await pullAll(world.db, teacher, { clientId: otherPhone });

    const mover = randomUUID();
    const { reply } = await pushAfterPull(teacher, mover, { className: '5/3' });

    expect(reply.changes).toEqual([]);
    expect(reply.hasMore).toBe(false);
    // The teacher's other phone, and the colleague who now has the child in class, get the move.
    expect((await next(teacher, otherPhone, otherPhoneBefore)).records.get(`student:${studentId}`)).toMatchObject({
      className: '5/3',
    });
    const colleagueNext = await pullAll(world.db, colleague, {
      cursor: colleagueBefore.cursor,
      scopeVersion: colleagueBefore.scopeVersion ?? 0,
    });
    expect(colleagueNext.records.get(`student:${studentId}`)).toMatchObject({ givenName: 'Drita', className: '5/3' });
  });

  it('sends the school team who moves a student to another class of their school nothing back', async () => {
    const team = await addUser(world.db, [{ role: 'schoolTeam', schoolId: SCHOOL_A }]);
    const { reply } = await pushAfterPull(team, randomUUID(), { className: '5/3' });
    expect(reply.changes).toEqual([]);
  });

  it('sends the mover what the move shows them for the first time: a field hidden in the old school', async () => {
    // A teacher in school A who is also principal of school B sees the child's community only in B.
    const user = await addUser(world.db, [
      { role: 'teacher', schoolId: SCHOOL_A, classKey: CLASS_5_1 },
      { role: 'principal', schoolId: SCHOOL_B },
    ]);
    const mover = randomUUID();
    const { held, reply } = await pushAfterPull(user, mover, { schoolId: SCHOOL_B });

    expect(held.records.get(`student:${studentId}`)).not.toHaveProperty('community');
    const student = reply.changes.find((change) => change.entity === 'student' && change.entityId === studentId);
    expect(student?.fields).toMatchObject({ community: 'roma', givenName: 'Drita' });
  });
});
