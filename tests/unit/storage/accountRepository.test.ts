import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DifferentAccountError, loadAccount, saveSignIn } from '../../../src/storage/accountRepository.ts';
import { getClientId, getCursor, setCursor } from '../../../src/storage/syncMeta.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import {
  schoolTeamScope,
  seedPulledCaseload,
  sessionInfoFor,
  tableCounts,
  teacherScope,
  type SeededCaseload,
} from '../../support/clientSessionDevice.ts';
import { freshDatabase } from '../../support/clientFixtures.ts';

const TEAM_USER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f5001';
const OTHER_USER = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f5002';

let db: UraDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('account storage', () => {
  it('has no account on a new device', async () => {
    expect(await loadAccount(db)).toBeNull();
  });

  it('keeps a first sign-in and leaves the cursor where it was', async () => {
    await setCursor(db, 42);
    const info = sessionInfoFor(TEAM_USER, schoolTeamScope('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'));
    const saved = await saveSignIn(db, info, 1_000);
    expect(saved).toEqual({ user: info.user, scope: info.scope, signedInAt: 1_000, sessionExpiresAt: info.expiresAt });
    expect(await loadAccount(db)).toEqual(saved);
    expect(await getCursor(db)).toBe(42);
  });

  describe('on a device holding a caseload', () => {
    let seeded: SeededCaseload;
    beforeEach(async () => {
      seeded = await seedPulledCaseload(db);
    });

    it('keeps every record, the cursor and the client id when the same user signs in again', async () => {
      const scope = schoolTeamScope(seeded.schoolA);
      await saveSignIn(db, sessionInfoFor(TEAM_USER, scope), 1_000);
      const clientId = await getClientId(db);
      const before = await tableCounts(db);

      const again = sessionInfoFor(TEAM_USER, scope, { displayName: 'Team, renamed' });
      again.expiresAt += 86_400_000;
      await saveSignIn(db, again, 2_000);

      expect(await loadAccount(db)).toEqual({
        user: again.user,
        scope,
        signedInAt: 2_000,
        sessionExpiresAt: again.expiresAt,
      });
      expect(await tableCounts(db)).toEqual(before);
      expect(await getCursor(db)).toBe(50);
      expect(await getClientId(db)).toBe(clientId);
    });

    it('leaves a changed scope for the first sync to apply, so the records it no longer reaches go', async () => {
      const oldScope = schoolTeamScope(seeded.schoolA, 1);
      await saveSignIn(db, sessionInfoFor(TEAM_USER, oldScope), 1_000);
      await saveSignIn(db, sessionInfoFor(TEAM_USER, schoolTeamScope(seeded.schoolA, 2)), 2_000);
      // The stored version is the old one: the server answers the sync with the new scope (applyAccessScope).
      expect((await loadAccount(db))?.scope).toEqual(oldScope);
      expect(await getCursor(db)).toBe(50);
    });

    it('refuses another user while an account is stored, and writes nothing', async () => {
      const info = sessionInfoFor(TEAM_USER, schoolTeamScope(seeded.schoolA));
      await saveSignIn(db, info, 1_000);
      const before = await tableCounts(db);

      const other = sessionInfoFor(OTHER_USER, teacherScope(seeded.schoolB, 4, '4-2'), { login: 'teacher' });
      await expect(saveSignIn(db, other, 2_000)).rejects.toBeInstanceOf(DifferentAccountError);

      expect((await loadAccount(db))?.user.id).toBe(TEAM_USER);
      expect(await tableCounts(db)).toEqual(before);
      expect(await db.students.get(seeded.a51.studentId)).toMatchObject({ community: 'serb' });
    });

    it('removes what the first account may not see from a device that held records before accounts', async () => {
      await saveSignIn(db, sessionInfoFor(TEAM_USER, schoolTeamScope(seeded.schoolA)), 1_000);
      expect(await db.students.get(seeded.b42.studentId)).toBeUndefined();
      expect(await db.cases.get(seeded.b42.caseId)).toBeUndefined();
      expect(await db.students.get(seeded.a42.studentId)).toMatchObject({ community: 'roma' });
      // Everything it held was pulled unfiltered, so what the scope reaches is here already: no re-pull.
      expect(await getCursor(db)).toBe(50);
    });
  });
});
