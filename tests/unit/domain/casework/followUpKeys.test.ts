import { cmp } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueKeysOf, type DueKey, type DueSources } from '../../../../src/domain/followUpKeys.ts';
import { followUpOfKey, keysBehind } from '../../../../src/domain/followUpOfKey.ts';
import { byDue, type FollowUpItem } from '../../../../src/domain/followUps.ts';

const date = fc
  .integer({ min: 0, max: 40 })
  .map((day) => new Date(Date.UTC(2026, 1, 20 + day)).toISOString().slice(0, 10));
const id = fc.constantFrom('a1', 'a2', 'b1', 'b2', 'c3', 'v1', 'v2');
const entry: fc.Arbitrary<DueSources & { studentId: string }> = fc.record({
  caseId: fc.constantFrom('case-1', 'case-2', 'case-3'),
  studentId: fc.constant('student-1'),
  status: fc.constantFrom('open', 'planActive', 'closed'),
  deadlines: fc.uniqueArray(
    fc.record({
      kind: fc.constantFrom('openCase', 'assessment', 'plan', 'review'),
      due: date,
      source: fc.constantFrom('law', 'default'),
    }),
    { selector: (deadline) => deadline.kind, maxLength: 3 },
  ),
  openActions: fc.uniqueArray(fc.record({ id, due: date, interventionType: fc.constant('mentoring') }), {
    selector: (action) => action.id,
    maxLength: 4,
  }),
  nextVisit: fc.option(fc.record({ visitId: fc.constantFrom('visit-1', 'visit-2'), due: date }), { nil: null }),
});

describe('due keys', () => {
  it('sort as IndexedDB sorts them in the same order as the Today lists', () => {
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (each) => each.caseId, maxLength: 3 }), (generated) => {
        // Ids are unique across cases, as UUIDs are: an action or note id names one case's item
        // (deadline kinds repeat across cases: the case id orders them).
        const entries = generated.map((each) => ({
          ...each,
          openActions: each.openActions.map((action) => ({ ...action, id: `${each.caseId}/${action.id}` })),
          nextVisit: each.nextVisit && { ...each.nextVisit, visitId: `${each.caseId}/${each.nextVisit.visitId}` },
        }));
        const pairs = entries.flatMap((each) =>
          dueKeysOf(each).dueKeys.map((key) => ({ key, item: followUpOfKey(key, each) as FollowUpItem })),
        );
        // IndexedDB's order in a multi-entry index: by key, then by the row's primary key (the case id).
        const byIndex = (a: (typeof pairs)[number], b: (typeof pairs)[number]) =>
          cmp(a.key, b.key) || cmp(a.item.caseId, b.item.caseId);
        const byKey = [...pairs].sort(byIndex).map((pair) => pair.item);
        const byItem = pairs.map((pair) => pair.item).sort(byDue);
        expect(byKey).toEqual(byItem);
      }),
    );
  });

  it('are found again from the case ids of an index range read in order, whole or cut short', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(entry, { selector: (each) => each.caseId, maxLength: 3 }),
        date,
        fc.nat({ max: 12 }),
        (entries, from, shown) => {
          const inRange = (key: DueKey) => key[0] >= from;
          // The index range as IndexedDB holds it: every key of every entry, by key and then case id.
          const rows = entries
            .flatMap((each) => dueKeysOf(each).dueKeys.map((key) => ({ key, caseId: each.caseId })))
            .filter((row) => inRange(row.key))
            .sort((a, b) => cmp(a.key, b.key) || cmp(a.caseId, b.caseId));
          const byCase = new Map(entries.map((each) => [each.caseId, dueKeysOf(each).dueKeys]));
          const window = rows.slice(0, shown);
          const found = keysBehind(
            window.map((row) => row.caseId),
            (caseId) => byCase.get(caseId) ?? [],
            inRange,
          );
          expect(found).toEqual(window);
        },
      ),
    );
  });

  it('name every deadline, next visit and open action of an open case, and nothing of a closed one', () => {
    fc.assert(
      fc.property(entry, (each) => {
        const { dueKeys, deadlineDues } = dueKeysOf(each);
        if (each.status === 'closed') {
          expect({ dueKeys, deadlineDues }).toEqual({ dueKeys: [], deadlineDues: [] });
          return;
        }
        const expected = each.deadlines.length + each.openActions.length + (each.nextVisit === null ? 0 : 1);
        expect(dueKeys).toHaveLength(expected);
        expect(deadlineDues).toHaveLength(each.deadlines.length);
        for (const key of dueKeys) expect(followUpOfKey(key, each)).toMatchObject({ due: key[0], caseId: each.caseId });
      }),
    );
  });

  it('reads a key no longer in its entry as nothing', () => {
    const open: DueSources & { studentId: string } = {
      caseId: 'case-1',
      studentId: 'student-1',
      status: 'open',
      deadlines: [],
      openActions: [{ id: 'a1', due: '2026-03-01', interventionType: 'mentoring' }],
      nextVisit: { visitId: 'visit-1', due: '2026-03-02' },
    };
    expect(followUpOfKey(['2026-03-05', 2, 'a1'], open)).toBeNull();
    expect(followUpOfKey(['2026-03-02', 1, 'visit-2'], open)).toBeNull();
    expect(followUpOfKey(['2026-03-02', 0, 'openCase'], open)).toBeNull();
  });
});
