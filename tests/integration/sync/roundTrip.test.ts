import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import { countPending } from '../../../src/storage/outbox.ts';
import { createStudent, updateStudent } from '../../../src/storage/studentRepository.ts';
import { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import type { FetchLike } from '../../../src/sync/postSync.ts';
import { syncWithServer } from '../../../src/sync/syncWithServer.ts';
import type { StudentFields } from '../../../src/domain/student.ts';
import { startInProcessServer, type InProcessServer } from '../../support/inProcessSync.ts';
import { makeStudentFields } from '../../support/serverFixtures.ts';
import { unlockedForTest } from '../../support/testDataKey.ts';

let dbCounter = 0;
function freshDevice(): UraDatabase {
  dbCounter += 1;
  return unlockedForTest(new UraDatabase(`round-trip-${dbCounter}-${Date.now()}`));
}

/** A valid student at a school the demo seed creates. */
function student(overrides: Partial<StudentFields> = {}): StudentFields {
  return makeStudentFields({ schoolId: DEMO_SCHOOL_IDS.ferizajAhmetHoxha, ...overrides });
}

describe('sync round trip', () => {
  let server: InProcessServer;
  beforeEach(async () => {
    server = await startInProcessServer();
  });
  afterEach(async () => {
    await server.close();
  });

  /** A history longer than several pages of 50: thirty students pushed from another phone. */
  async function pushThirtyStudents(): Promise<void> {
    const phone = freshDevice();
    for (let i = 0; i < 30; i++) await createStudent(phone, student({ givenName: `Ana${i}` }));
    await syncWithServer(phone, { fetch: server.fetch, baseUrl: '' });
  }

  it('pulls the reference data and demo students on a first sync', async () => {
    const device = freshDevice();
    const summary = await syncWithServer(device, { fetch: server.fetch, baseUrl: '' });
    expect(summary.received).toBeGreaterThan(0);
    expect(await device.schools.get(DEMO_SCHOOL_IDS.ferizajAhmetHoxha)).toMatchObject({
      name: expect.objectContaining({ sq: expect.stringContaining('Ahmet Hoxha') }),
    });
    expect(await device.students.count()).toBeGreaterThan(0);
  });

  it('delivers a student from one device to another and empties the outbox', async () => {
    const phone = freshDevice();
    const laptop = freshDevice();
    const id = await createStudent(phone, student());
    expect(await countPending(phone)).toBe(1);

    await syncWithServer(phone, { fetch: server.fetch, baseUrl: '' });
    expect(await countPending(phone)).toBe(0);

    await syncWithServer(laptop, { fetch: server.fetch, baseUrl: '' });
    expect(await laptop.students.get(id)).toMatchObject(student());
  });

  it('merges edits to different fields from two devices', async () => {
    const phone = freshDevice();
    const laptop = freshDevice();
    const id = await createStudent(phone, student());
    await syncWithServer(phone, { fetch: server.fetch, baseUrl: '' });
    await syncWithServer(laptop, { fetch: server.fetch, baseUrl: '' });

    await updateStudent(phone, id, student({ grade: 7 }));
    await updateStudent(laptop, id, student({ guardianPhone: '+383 49 765 432' }));
    await syncWithServer(phone, { fetch: server.fetch, baseUrl: '' });
    await syncWithServer(laptop, { fetch: server.fetch, baseUrl: '' });
    await syncWithServer(phone, { fetch: server.fetch, baseUrl: '' });

    const expected = student({ grade: 7, guardianPhone: '+383 49 765 432' });
    expect(await phone.students.get(id)).toMatchObject(expected);
    expect(await laptop.students.get(id)).toMatchObject(expected);
  });

  it('re-sends safely when the reply was lost after the server committed', async () => {
    const phone = freshDevice();
    const id = await createStudent(phone, student());
    const loseReply: FetchLike = async (url, init) => {
      await server.fetch(url, init);
      throw new TypeError('network dropped');
    };
    await expect(syncWithServer(phone, { fetch: loseReply, baseUrl: '' })).rejects.toThrow();
    expect(await countPending(phone)).toBe(1);

    await syncWithServer(phone, { fetch: server.fetch, baseUrl: '' });
    expect(await countPending(phone)).toBe(0);
    const rows = await server.db
      .selectFrom('change_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    // One change row per field, not two: the second send was recognised as a duplicate.
    expect(Number(rows.n)).toBe(Object.keys(student()).length);
  });

  it('stops instead of looping when the server answers none of the mutations sent', async () => {
    const phone = freshDevice();
    await createStudent(phone, student());
    const emptyReply = { results: [], changes: [], nextCursor: 0, hasMore: false, serverTime: Date.now() };
    const forgetful: FetchLike = () => Promise.resolve(new Response(JSON.stringify(emptyReply), { status: 200 }));
    await expect(syncWithServer(phone, { fetch: forgetful, baseUrl: '' })).rejects.toThrow('network unavailable');
    expect(await countPending(phone)).toBe(1);
  });

  it('reports a bad mutation without blocking the ones behind it', async () => {
    const phone = freshDevice();
    const unknownSchool = await createStudent(phone, student({ schoolId: '99999999-0000-4000-8000-000000000000' }));
    const good = await createStudent(phone, student({ givenName: 'Milica', familyName: 'Petrović' }));
    const summary = await syncWithServer(phone, { fetch: server.fetch, baseUrl: '' });
    expect(summary.rejected).toBe(1);
    expect(await countPending(phone)).toBe(0);
    const rejected = await phone.outbox.where('state').equals('rejected').toArray();
    expect(rejected.map((row) => row.mutation.entityId)).toEqual([unknownSchool]);

    const laptop = freshDevice();
    await syncWithServer(laptop, { fetch: server.fetch, baseUrl: '' });
    expect(await laptop.students.get(good)).toBeDefined();
    expect(await laptop.students.get(unknownSchool)).toBeUndefined();
  });

  it('pulls a large history in pages and reports progress', async () => {
    await pushThirtyStudents();

    const laptop = freshDevice();
    const progress: number[] = [];
    const more: boolean[] = [];
    const summary = await syncWithServer(laptop, {
      fetch: server.fetch,
      baseUrl: '',
      pullLimit: 50,
      onProgress: (received, hasMore) => {
        progress.push(received);
        more.push(hasMore);
      },
    });
    expect(summary.roundTrips).toBeGreaterThan(5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // Every page but the last says more wait: the screens show progress until then (CatchingUpNotice).
    expect(more.at(-1)).toBe(false);
    expect(more.slice(0, -1).every(Boolean)).toBe(true);
    expect(await laptop.students.filter((row) => row.givenName.startsWith('Ana')).count()).toBe(30);
  });

  it('asks for the next page while it applies the one before, and keeps the pages in order', async () => {
    await pushThirtyStudents();

    const laptop = freshDevice();
    const events: string[] = [];
    const watching: FetchLike = (url, init) => {
      // Requests go uncompressed to a stand-in fetch (postSync compresses only for the platform's), so the body is text.
      const body = typeof init?.body === 'string' ? init.body : '{}';
      events.push(`ask ${(JSON.parse(body) as { cursor: number }).cursor}`);
      return server.fetch(url, init);
    };
    const summary = await syncWithServer(laptop, {
      fetch: watching,
      baseUrl: '',
      pullLimit: 50,
      onProgress: (_received, hasMore) => events.push(hasMore ? 'applied' : 'applied last'),
    });

    expect(summary.roundTrips).toBeGreaterThan(5);
    // The second page is asked for before the first is applied, and so on; the last reply says no more follow.
    expect(events.slice(0, 3)).toEqual(['ask 0', expect.stringMatching(/^ask [1-9]/), 'applied']);
    expect(events.filter((event) => event.startsWith('ask'))).toHaveLength(summary.roundTrips);
    expect(events.at(-1)).toBe('applied last');
    const asked = events.filter((event) => event.startsWith('ask')).map((event) => Number(event.slice(4)));
    expect(asked).toEqual([...asked].sort((a, b) => a - b));
    expect(await laptop.students.filter((row) => row.givenName.startsWith('Ana')).count()).toBe(30);
  });

  it('sends a change made during a long pull in that same sync, not after it', async () => {
    await pushThirtyStudents();

    const laptop = freshDevice();
    let written = '';
    const writingMidway: FetchLike = async (url, init) => {
      if (written === '') written = await createStudent(laptop, student({ givenName: 'Vesa' }));
      return server.fetch(url, init);
    };
    await syncWithServer(laptop, { fetch: writingMidway, baseUrl: '', pullLimit: 50 });

    expect(await countPending(laptop)).toBe(0);
    const other = freshDevice();
    await syncWithServer(other, { fetch: server.fetch, baseUrl: '' });
    expect(await other.students.get(written)).toMatchObject({ givenName: 'Vesa' });
  });
});
