/**
 * The export log on the way to the audit trail (docs/exports.md): an export
 * made offline waits on the device, goes to the server after the next
 * successful sync, and is forgotten only once the server acknowledged it —
 * a reply lost on the way leaves it to be sent again, and the server still
 * records it once. An export the server refuses on its own is dropped
 * without holding back the others.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoCasework } from '../../../src/server/seed/demoCasework.ts';
import { DEMO_SCHOOL_IDS } from '../../../src/server/seed/demoPlaces.ts';
import { saveSignIn } from '../../../src/storage/accountRepository.ts';
import { countPendingExports, recordNewExport } from '../../../src/storage/exportLog.ts';
import { getClientId } from '../../../src/storage/syncMeta.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { flushExportLog } from '../../../src/sync/exportAuditFlush.ts';
import { EXPORT_AUDIT_PATH } from '../../../src/sync/exportAuditProtocol.ts';
import type { FetchLike } from '../../../src/sync/postSync.ts';
import { signIn } from '../../../src/sync/sessionApi.ts';
import { requestSync, startSync, stopSync } from '../../../src/sync/syncController.ts';
import { freshDatabase } from '../../support/clientFixtures.ts';
import {
  PHONE_PASSWORD,
  startSessionServer,
  type Phone,
  type SessionServer,
} from '../../support/clientSessionServer.ts';

const SCHOOL = DEMO_SCHOOL_IDS.ferizajAhmetHoxha;
const WAIT = { timeout: 20_000 };
const caseOf = (schoolId: string) =>
  demoCasework('2026-11-23').find(
    (record) => record.entity === 'case' && 'schoolId' in record.fields && record.fields.schoolId === schoolId,
  )!.id;

let server: SessionServer;
let phone: Phone;
let device: UraDatabase;
let syncs: number;
/** While true, the server handles each export report but its reply never reaches the phone. */
let loseExportReplies: boolean;

/** The phone's network: the test server, and replies to export reports lost when the test says so. */
const network: FetchLike = async (url, init) => {
  const response = await phone.fetch(url, init);
  if (url.endsWith('/api/sync') && response.ok) syncs += 1;
  if (loseExportReplies && url.endsWith(EXPORT_AUDIT_PATH)) throw new TypeError('Failed to fetch');
  return response;
};

async function exportEvents() {
  const rows = await server.db
    .selectFrom('audit_event')
    .select(['entity', 'entity_id', 'detail_json'])
    .where('action', '=', 'export')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ entity: row.entity, entityId: row.entity_id, detail: JSON.parse(row.detail_json!) }));
}

const exportReports = () => phone.requests.filter((request) => request === `POST ${EXPORT_AUDIT_PATH}`).length;

beforeEach(async () => {
  server = await startSessionServer();
  await server.createAccount('export-team', [{ role: 'schoolTeam', schoolId: SCHOOL }]);
  phone = server.phone();
  device = freshDatabase();
  syncs = 0;
  loseExportReplies = false;
  const result = await signIn(phone.fetch, '', {
    login: 'export-team',
    password: PHONE_PASSWORD,
    clientId: await getClientId(device),
  });
  if (!result.ok) throw new Error(result.reason);
  await saveSignIn(device, result.session, server.clock.now);
}, 60_000);

afterEach(async () => {
  stopSync();
  device.close();
  await device.delete();
  await server.close();
});

describe('exports on their way to the audit trail', () => {
  it('sends an export made offline after the next sync, and forgets it only once acknowledged', async () => {
    phone.setOffline(true);
    const phases: string[] = [];
    startSync({ db: device, baseUrl: '', fetch: network, onPhase: (phase) => phases.push(phase), onProgress: () => 0 });
    const caseId = caseOf(SCHOOL);
    await recordNewExport(device, { kind: 'caseSummary', rows: 1, caseId, schoolId: SCHOOL, municipalityId: null });
    await recordNewExport(device, { kind: 'caseList', rows: 7, caseId: null, schoolId: null, municipalityId: null });
    requestSync('now');
    await vi.waitFor(() => expect(phases).toContain('failed'), WAIT);
    expect([syncs, exportReports()]).toEqual([0, 0]);
    expect(await countPendingExports(device)).toBe(2);
    expect(await exportEvents()).toEqual([]);

    // Back online, but the server's answer to the report is lost on the way: the exports stay on the phone.
    loseExportReplies = true;
    phone.setOffline(false);
    requestSync('now');
    const recorded = [
      { entity: 'case', entityId: caseId, detail: { kind: 'caseSummary', rows: 1 } },
      { entity: null, entityId: null, detail: { kind: 'caseList', rows: 7 } },
    ];
    // The request is counted as it leaves; the server's record is the sign that it was handled.
    await vi.waitFor(async () => expect(await exportEvents()).toEqual(recorded), WAIT);
    expect(exportReports()).toBe(1);
    expect(syncs).toBeGreaterThan(0);
    expect(await countPendingExports(device)).toBe(2);

    // The next sync sends them again; the server acknowledges without recording them twice.
    loseExportReplies = false;
    requestSync('now');
    await vi.waitFor(async () => expect(await countPendingExports(device)).toBe(0), WAIT);
    expect(exportReports()).toBe(2);
    expect(await exportEvents()).toEqual(recorded);
  }, 60_000);

  it('drops only the export the server refuses on its own, and sends the rest', async () => {
    const other = caseOf(DEMO_SCHOOL_IDS.aleksinacVozdKaradjordje);
    await recordNewExport(device, { kind: 'caseList', rows: 3, caseId: null, schoolId: SCHOOL, municipalityId: null });
    await recordNewExport(device, {
      kind: 'caseSummary',
      rows: 1,
      caseId: other,
      schoolId: null,
      municipalityId: null,
    });
    await recordNewExport(device, { kind: 'caseList', rows: 4, caseId: null, schoolId: null, municipalityId: null });

    const summary = await flushExportLog(device, { fetch: network, baseUrl: '' });
    expect(summary).toEqual({ acknowledged: 2, refused: 1, waiting: 0 });
    expect(await countPendingExports(device)).toBe(0);
    // One refused batch, then each export alone.
    expect(exportReports()).toBe(4);
    expect(await exportEvents()).toEqual([
      { entity: 'school', entityId: SCHOOL, detail: { kind: 'caseList', rows: 3 } },
      { entity: null, entityId: null, detail: { kind: 'caseList', rows: 4 } },
    ]);
  }, 60_000);

  it('keeps everything while the server cannot be reached or the session has ended', async () => {
    await recordNewExport(device, { kind: 'caseList', rows: 3, caseId: null, schoolId: null, municipalityId: null });
    phone.setOffline(true);
    expect(await flushExportLog(device, { fetch: network, baseUrl: '' })).toEqual({
      acknowledged: 0,
      refused: 0,
      waiting: 1,
    });
    phone.setOffline(false);
    server.clock.now += 31 * 24 * 60 * 60 * 1000;
    expect(await flushExportLog(device, { fetch: network, baseUrl: '' })).toEqual({
      acknowledged: 0,
      refused: 0,
      waiting: 1,
    });
    expect(await exportEvents()).toEqual([]);
  }, 60_000);
});
