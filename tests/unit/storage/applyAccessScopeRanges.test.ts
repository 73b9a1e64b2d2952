import type { Table } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowsUnderGoneParents } from '../../../src/storage/scopeRanges.ts';
import type { UraDatabase } from '../../../src/storage/UraDatabase.ts';
import { freshDatabase } from '../../support/clientFixtures.ts';

const PARENTS = ['case-a', 'case-b', 'case-c', 'case-d', 'case-e'];

let db: UraDatabase;
let notes: Table;
beforeEach(async () => {
  db = freshDatabase();
  notes = db.homeVisits;
  // Two notes per case on the device, one on a case between b and c that is not here, one after e, and one
  // pulled without its case id yet.
  const rows = PARENTS.flatMap((caseId) => [1, 2].map((n) => ({ id: `${caseId}-note-${n}`, caseId })));
  rows.push({ id: 'orphan-bb', caseId: 'case-bb' }, { id: 'orphan-x', caseId: 'case-x' });
  await notes.bulkAdd([...rows, { id: 'no-case-yet' }]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const found = async (gone: string[], parents = PARENTS) =>
  (await rowsUnderGoneParents(notes, 'caseId', parents, new Set(gone))).sort();

describe('rowsUnderGoneParents', () => {
  it('finds nothing but the unplaced row when every parent stays', async () => {
    expect(await found([])).toEqual(['no-case-yet']);
  });

  it('finds the rows of a run of gone parents, with rows of absent parents inside the run', async () => {
    expect(await found(['case-b', 'case-c'])).toEqual([
      'case-b-note-1',
      'case-b-note-2',
      'case-c-note-1',
      'case-c-note-2',
      'no-case-yet',
      'orphan-bb',
    ]);
  });

  it('reaches the ends of the index from a first or last gone parent', async () => {
    expect(await found(['case-a'])).toEqual(['case-a-note-1', 'case-a-note-2', 'no-case-yet']);
    expect(await found(['case-e'])).toEqual(['case-e-note-1', 'case-e-note-2', 'no-case-yet', 'orphan-x']);
  });

  it('reads separate runs separately, leaving the kept parents between them', async () => {
    const rows = await found(['case-a', 'case-c', 'case-e']);
    expect(rows.filter((id) => id.startsWith('case-b') || id.startsWith('case-d'))).toEqual([]);
    // Two notes each of a, c and e, the note on absent bb (inside c's run, between b and d), x's and the unplaced one.
    expect(rows).toHaveLength(2 * 3 + 3);
    expect(rows).toEqual(expect.arrayContaining(['orphan-bb', 'orphan-x', 'no-case-yet']));
  });

  it('finds every row when no parent is on the device', async () => {
    expect(await found([], [])).toHaveLength(2 * PARENTS.length + 3);
  });
});
