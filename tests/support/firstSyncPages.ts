/** A small caseload as a first sync pulls it: every record type the derived tables read, split across pages. */
import type { CaseRecord } from '../../src/domain/caseRecord.ts';
import type { Change } from '../../src/sync/protocol.ts';
import {
  makeCaseRecord,
  makePlanAction,
  makeScreening,
  makeVisit,
  newId,
  RISKY_VALUES,
  USER_ID,
  wireFields,
} from './caseworkFixtures.ts';
import { changeOf, localizedName, makeStudentFields, remoteHlc } from './clientFixtures.ts';

const PULLED_AT = Date.parse('2026-11-20T00:00:00Z');

/** Cases at every stage a deadline or follow-up depends on, one after the other. */
function caseStage(index: number): Partial<CaseRecord> {
  if (index % 4 === 1) return { status: 'open', caseManagerId: USER_ID, openedAt: '2026-11-03' };
  if (index % 4 === 2)
    return { status: 'assessed', caseManagerId: USER_ID, openedAt: '2026-11-03', assessedAt: '2026-11-06' };
  if (index % 4 === 3) return { status: 'closed', closedAt: '2026-11-12', closureReason: 'attendanceNormal' };
  return {};
}

/** Every record of the caseload, whole, in the order the server logged them. */
function caseloadRecords(students: number): [Change['entity'], { id: string }][] {
  const municipalityId = newId();
  const schools = [
    { id: newId(), name: localizedName('Shkolla „Naim Frashëri“'), municipalityId, country: 'XK' },
    { id: newId(), name: localizedName('OŠ „Vuk Karadžić“'), municipalityId, country: 'RS' },
    { id: newId(), name: localizedName('OŠ „Sveti Sava“'), municipalityId, country: 'RS' },
  ];
  const municipality = { id: municipalityId, name: localizedName('Gračanica'), country: 'XK' };
  const records: [Change['entity'], { id: string }][] = [['municipality', municipality]];
  for (let index = 0; index < students; index += 1) {
    // Every fifth case is at a school the device never holds: its profile is the device's fallback.
    const schoolId = index % 5 === 4 ? newId() : (schools[index % 3]?.id ?? '');
    const studentId = newId();
    records.push(['student', { id: studentId, ...makeStudentFields({ givenName: `Ana ${index}`, schoolId }) }]);
    const earlier = { ...makeScreening(studentId, { unjustifiedAbsences: 0 }), screenedOn: '2026-09-15' };
    records.push(['screening', earlier], ['screening', makeScreening(studentId, RISKY_VALUES)]);
    const record = makeCaseRecord(studentId, schoolId, caseStage(index));
    records.push(['case', record]);
    const first = makeVisit(record.id, { visitDate: '2026-11-05', nextVisitDate: `2026-11-${10 + (index % 15)}` });
    records.push(['homeVisit', first]);
    // A correction replaces the note it corrects in the summary.
    const correction = { ...makeVisit(record.id), correctionOf: first.id, nextVisitDate: '2026-12-01' };
    if (index % 2 === 0) records.push(['homeVisit', correction]);
    records.push(['planAction', makePlanAction(record.id, { dueDate: `2026-11-${20 + (index % 8)}` })]);
  }
  // The schools come late, and the fallback profile moves when the second Serbian school arrives.
  records.splice(records.length >> 1, 0, ['school', schools[0]!], ['school', schools[1]!]);
  records.push(['school', schools[2]!]);
  return records;
}

/**
 * The caseload's changes in pages of `pageSize`. Each record comes in two
 * halves of its fields, the halves spread apart, so a page often holds a note
 * without its case or a screening whose student comes later.
 */
export function firstSyncPages(students = 12, pageSize = 9): Change[][] {
  const halves: Change[] = [];
  const seconds: Change[] = [];
  caseloadRecords(students).forEach(([entity, record], index) => {
    const hlc = remoteHlc(PULLED_AT, index);
    const fields = Object.entries(wireFields(record));
    const cut = fields.length >> 1;
    halves.push(changeOf(entity, record.id, Object.fromEntries(fields.slice(0, cut)), hlc));
    seconds.push(changeOf(entity, record.id, Object.fromEntries(fields.slice(cut)), hlc));
  });
  // Second halves trail by a few records, so they land on a later page than their first halves.
  const order: Change[] = [];
  halves.forEach((change, index) => {
    order.push(change);
    const trailing = seconds[index - 7];
    if (trailing) order.push(trailing);
  });
  order.push(...seconds.slice(Math.max(seconds.length - 7, 0)));
  const pages: Change[][] = [];
  for (let start = 0; start < order.length; start += pageSize) pages.push(order.slice(start, start + pageSize));
  return pages;
}
