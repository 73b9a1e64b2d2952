/**
 * Every Dexie schema the app has shipped (src/storage/UraDatabase.ts), whole,
 * as a device still on that version holds it: `new Dexie(name).version(n)
 * .stores(LEGACY_STORES[n])` makes exactly that device's database. Copied rather
 * than read from UraDatabase, because a shipped version must never change: these
 * stay what phones in the field have. When a version ships, add it here;
 * outboxUpgrade.test.ts fails for any version below the current one that is missing.
 */
type Stores = Readonly<Record<string, string>>;

// v1 (2026-11): the walking skeleton.
const V1: Stores = {
  students: 'id, schoolId, familyName, updatedAt',
  schools: 'id, municipalityId',
  municipalities: 'id',
  outbox: '++seq, state',
  meta: 'key',
};

// v2 (2026-12): casework tables and form drafts.
const V2: Stores = {
  ...V1,
  cases: 'id, studentId, schoolId, status, caseManagerId',
  caseEvents: 'id, caseId',
  screenings: 'id, studentId, term',
  homeVisits: 'id, caseId, visitDate, correctionOf',
  planActions: 'id, caseId, dueDate, status',
  referrals: 'id, caseId, status',
  drafts: 'key',
};

// v3 (2026-12): next-visit dates indexed.
const V3: Stores = { ...V2, homeVisits: 'id, caseId, visitDate, correctionOf, nextVisitDate' };

// v4 (2026-12): per-case visit and per-student screening summaries.
const V4: Stores = { ...V3, visitSummaries: 'caseId, nextVisitDate', screeningSummaries: 'studentId' };

// v5 (2026-12): the device-only case index.
const V5: Stores = { ...V4, caseIndex: 'caseId, firstFollowUp, nextDue, studentId' };

// v6 (2027-01): clashes recorded by the server. The last version whose rows were all plain text.
const V6: Stores = { ...V5, conflicts: 'id, recordId' };

// v7 (2027-01): rows sealed at rest; no index holds a name; the vault. Written here without the encryption
// middleware, so its rows are plain, which v7 and later read as rows written before the first PIN.
const V7: Stores = {
  ...V6,
  students: 'id, schoolId, updatedAt',
  cases: 'id, studentId, schoolId, status',
  vault: 'id',
};

// v8 (2027-02): the dashboard's kept figures and exports waiting for the audit trail.
const V8: Stores = { ...V7, dashboards: 'key', exportLog: 'id' };

// v9 (2027-03): the Municipal Action Plan's records.
const V9: Stores = {
  ...V8,
  mapPlans: 'id, municipalityId',
  mapGoals: 'id, planId',
  mapActivities: 'id, planId, goalId',
  mapProgress: 'id, planId, activityId',
};

export const LEGACY_STORES: Readonly<Record<number, Stores>> = {
  1: V1,
  2: V2,
  3: V3,
  4: V4,
  5: V5,
  6: V6,
  7: V7,
  8: V8,
  9: V9,
};

/** Tables a device derives from its own records (rebuilt by upgrades); every other table holds what it was given. */
export const DERIVED_TABLES: ReadonlySet<string> = new Set(['visitSummaries', 'screeningSummaries', 'caseIndex']);
