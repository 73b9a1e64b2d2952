import { Dexie, type IndexableType, type Table } from 'dexie';

/**
 * The ids of the rows of `table` whose `index` (their parent's id) names a
 * parent in `gone`, read without a cursor: the parents, sorted, fall into
 * runs of gone and kept ones, and each run of gone parents is one key-range
 * read of primary keys (getAllKeys). A run reaches out to the kept parents on
 * either side, so rows whose parent is not on the device at all (a parent
 * that left before them) go too when they sit beside it. The cost follows the
 * number of runs — about the smaller of the gone and the kept parents — and
 * not the number of rows: unassigning one case is one read, a teacher keeping
 * one class of a school a few dozen.
 *
 * Rows that do not name a parent (a record pulled across two pages) are not in
 * the index: they are returned too, as nothing says where they belong.
 */
export async function rowsUnderGoneParents(
  table: Table,
  index: string,
  parentIds: readonly string[],
  gone: ReadonlySet<string>,
): Promise<string[]> {
  // IndexedDB orders strings by UTF-16 code units, as the default sort does.
  const sorted = [...parentIds].sort();
  const ranges: [IndexableType, IndexableType][] = [];
  let lower: IndexableType = Dexie.minKey;
  let inRun = false;
  for (const id of sorted) {
    if (gone.has(id)) {
      inRun = true;
      continue;
    }
    // A stretch of kept parents needs no read; the next run starts after the last of them.
    if (inRun) ranges.push([lower, id]);
    inRun = false;
    lower = id;
  }
  if (inRun || sorted.length === 0) ranges.push([lower, Dexie.maxKey]);
  const ids: string[] = [];
  for (const [from, to] of ranges) {
    const found = (await table.where(index).between(from, to, false, false).primaryKeys()) as string[];
    for (const id of found) ids.push(id);
  }
  const [all, indexed] = await Promise.all([table.count(), table.orderBy(index).count()]);
  if (all !== indexed) ids.push(...(await rowsOutsideIndex(table, index)));
  return ids;
}

async function rowsOutsideIndex(table: Table, index: string): Promise<string[]> {
  const indexed = new Set((await table.orderBy(index).primaryKeys()) as string[]);
  const all = (await table.toCollection().primaryKeys()) as string[];
  return all.filter((id) => !indexed.has(id));
}
