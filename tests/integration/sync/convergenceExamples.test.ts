/**
 * Named cases the convergence model found or guards, run on their own so a
 * regression reads plainly: the same world (real server on a real SQLite
 * file, devices on fake-indexeddb, the app's real sync) with the faults and
 * clocks set by hand.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getStudent, updateStudent } from '../../../src/storage/studentRepository.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { syncWithServer } from '../../../src/sync/syncWithServer.ts';
import { DAY_MS, SEED } from '../../support/convergenceSeed.ts';
import { serverState } from '../../support/convergenceState.ts';
import {
  openDevices,
  resetDevice,
  startConvergenceServer,
  type ConvergenceServer,
} from '../../support/convergenceWorld.ts';
import { ModelClock } from '../../support/convergenceClock.ts';
import { FaultyNetwork, type Fault } from '../../support/faultyTransport.ts';

const STUDENT = SEED.students[0];

describe('convergence examples', () => {
  // Time stands still unless the model moves it; `Date` follows the acting device's clock.
  const clock = new ModelClock((millis) => vi.setSystemTime(millis));
  let server: ConvergenceServer;
  let devices: UraDatabase[];
  let network: FaultyNetwork;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    server = await startConvergenceServer(() => clock.trueNow);
    devices = openDevices(2);
  });
  afterAll(async () => {
    vi.useRealTimers();
    for (const db of devices) await db.delete();
    await server.close();
  });
  beforeEach(async () => {
    await server.reset();
    for (const [index, db] of devices.entries()) await resetDevice(db, index);
    network = new FaultyNetwork(server.fetch);
  });

  function device(index: number): UraDatabase {
    const db = devices[index];
    if (db === undefined) throw new Error(`no device ${index}`);
    return db;
  }

  async function sync(index: number, faults: Fault[] = []): Promise<void> {
    network.planFaults(faults);
    await clock.actingAs(index, () => syncWithServer(device(index), { fetch: network.fetch, baseUrl: '' }));
  }

  async function editStudent(index: number, change: { grade?: number; guardianPhone?: string }): Promise<void> {
    const student = await getStudent(device(index), STUDENT);
    if (student === undefined) throw new Error('student not pulled');
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- device bookkeeping is not part of the edit
    const { id, hlcs, searchKey, updatedAt, ...fields } = student;
    await clock.actingAs(index, () => updateStudent(device(index), STUDENT, { ...fields, ...change }));
  }

  async function setGrade(index: number, grade: number): Promise<void> {
    await editStudent(index, { grade });
  }

  it('accepts the writes of a device whose clock is days ahead once it has synced', async () => {
    clock.reset([3 * DAY_MS, 0]);
    await sync(0);
    await setGrade(0, 8);
    await sync(0);

    expect(await device(0).outbox.toArray()).toEqual([]);
    expect((await serverState(server.db))[`student/${STUDENT}`]?.['grade']?.value).toBe(8);
  });

  it('reports a refused mutation as refused when its reply was lost and it is sent again', async () => {
    clock.reset([0, 0]);
    await sync(0);
    // The form would refuse grade 99; the server must too, and say so on every send.
    await setGrade(0, 99);
    await expect(sync(0, ['loseReply'])).rejects.toThrow('network unavailable');
    await sync(0);

    const rows = await device(0).outbox.toArray();
    expect(rows.map((row) => [row.state, row.rejectionCode])).toEqual([['rejected', 'invalid_fields']]);
  });

  it('re-sends a write stamped by a clock that jumped days ahead after the last sync, and takes later edits', async () => {
    clock.reset([0, 0]);
    await sync(0);
    await sync(1);
    clock.jump(0, 3 * DAY_MS);
    await setGrade(0, 8);
    // The server refuses the stamp (clock_ahead); the phone measures its offset, re-stamps and sends again.
    await sync(0);
    expect(await device(0).outbox.toArray()).toEqual([]);
    expect((await serverState(server.db))[`student/${STUDENT}`]?.['grade']?.value).toBe(8);

    // A later edit from another device wins on the phone too: its own stamp no longer sits days ahead.
    clock.advance(60_000);
    await setGrade(1, 9);
    await sync(1);
    await sync(0);
    expect((await getStudent(device(0), STUDENT))?.grade).toBe(9);
    await setGrade(0, 7);
    await sync(0);
    expect((await serverState(server.db))[`student/${STUDENT}`]?.['grade']?.value).toBe(7);
  });

  it('keeps the later of two edits when the clock jumped ahead between them and only the second was refused', async () => {
    clock.reset([0, 0]);
    await sync(0);
    await setGrade(0, 6);
    clock.jump(0, 2 * 60 * 60 * 1000);
    await setGrade(0, 7);
    // One batch: 6 is taken, 7 refused as clock_ahead and re-stamped — above 6's stamp, or 6 would win on the server.
    await sync(0);
    expect((await serverState(server.db))[`student/${STUDENT}`]?.['grade']?.value).toBe(7);
    expect((await getStudent(device(0), STUDENT))?.grade).toBe(7);
  });

  it('records the clash when a phone days ahead changed a field twice and another phone changed it between', async () => {
    clock.reset([0, 0]);
    await sync(0);
    await sync(1);
    clock.jump(0, 3 * DAY_MS);
    await editStudent(0, { guardianPhone: '+383 44 100 200' });
    await editStudent(0, { guardianPhone: '+383 44 100 201' });
    await editStudent(1, { guardianPhone: '+383 44 100 300' });
    await sync(1);
    clock.advance(60_000);
    // Both of phone 0's stamps are refused; the first change is dropped (the second replaced it), and the
    // second must not claim the refused first as what its user saw: the other phone's number was never seen.
    await sync(0);
    expect(await device(0).outbox.toArray()).toEqual([]);

    const state = await serverState(server.db);
    const kept = state[`student/${STUDENT}`]?.['guardianPhone']?.value;
    const clashes = Object.entries(state)
      .filter(([key]) => key.startsWith('conflict/'))
      .map(([, fields]) => [fields['keptValue']?.value, fields['lostValue']?.value]);
    expect(kept).toBe('+383 44 100 201');
    expect(clashes).toEqual([['+383 44 100 201', '+383 44 100 300']]);
  });
});
