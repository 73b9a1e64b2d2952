/**
 * The convergence model's checks of same-field clashes (docs/sync.md,
 * "Conflicts"): every clash the server recorded is true, and no acknowledged
 * value was replaced without either a recorded clash or a writer who had seen it.
 */
import { expect } from 'vitest';
import type { SeedWrite } from './convergenceSeed.ts';
import type { SyncedState } from './convergenceState.ts';
import type { Acknowledged } from './faultyTransport.ts';

interface Write {
  value: unknown;
  hlc: string;
  clientId: string | null;
  base: string | null | undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every applied write (and seeded value) per `entity/id/field`. */
function writesByField(seed: readonly SeedWrite[], acknowledged: readonly Acknowledged[]): Map<string, Write[]> {
  const writes = new Map<string, Write[]>();
  const add = (key: string, write: Write) => writes.set(key, [...(writes.get(key) ?? []), write]);
  for (const seeded of seed) {
    for (const [field, value] of Object.entries(seeded.fields)) {
      add(`${seeded.entity}/${seeded.id}/${field}`, { value, hlc: seeded.hlc, clientId: null, base: undefined });
    }
  }
  for (const { mutation, status } of acknowledged) {
    if (status !== 'applied') continue;
    const base: Readonly<Record<string, string | null | undefined>> = mutation.base ?? {};
    for (const [field, value] of Object.entries(mutation.fields)) {
      const write = { value, hlc: mutation.hlc, clientId: mutation.clientId, base: base[field] };
      add(`${mutation.entity}/${mutation.entityId}/${field}`, write);
    }
  }
  return writes;
}

interface ClashRecord {
  key: string;
  kept: { value: unknown; hlc: unknown; by: unknown };
  lost: { value: unknown; hlc: unknown; by: unknown };
}

function clashesOf(server: SyncedState): ClashRecord[] {
  return Object.entries(server)
    .filter(([key]) => key.startsWith('conflict/'))
    .map(([, fields]) => {
      const value = (name: string) => fields[name]?.value;
      return {
        key: `${String(value('recordEntity'))}/${String(value('recordId'))}/${String(value('field'))}`,
        kept: { value: value('keptValue'), hlc: value('keptHlc'), by: value('keptBy') },
        lost: { value: value('lostValue'), hlc: value('lostHlc'), by: value('lostBy') },
      };
    });
}

/** The number of clashes recorded, after checking each against the writes that made it. */
export function checkClashes(
  server: SyncedState,
  seed: readonly SeedWrite[],
  acknowledged: readonly Acknowledged[],
): number {
  const writes = writesByField(seed, acknowledged);
  const clashes = clashesOf(server);
  for (const clash of clashes) {
    const made = writes.get(clash.key) ?? [];
    const side = (s: ClashRecord['kept']) =>
      made.some((w) => w.hlc === s.hlc && w.clientId === s.by && same(w.value, s.value));
    expect(side(clash.kept) && side(clash.lost), `clash on ${clash.key} names two real writes`).toBe(true);
    expect(String(clash.kept.hlc) > String(clash.lost.hlc), `clash on ${clash.key}: the later write is kept`).toBe(
      true,
    );
    expect(clash.kept.by !== clash.lost.by && !same(clash.kept.value, clash.lost.value)).toBe(true);
  }
  for (const [key, made] of writes) {
    const [entity, id, field] = key.split('/') as [string, string, string];
    const final = server[`${entity}/${id}`]?.[field]?.value;
    for (const write of made) {
      if (write.clientId === null || same(write.value, final)) continue;
      const knowinglyReplaced = made.some(
        (later) => later.hlc > write.hlc && (later.clientId === write.clientId || (later.base ?? '') >= write.hlc),
      );
      const shown = clashes.some(
        (c) => c.key === key && (same(c.kept.value, write.value) || same(c.lost.value, write.value)),
      );
      expect(
        knowinglyReplaced || shown,
        `the value ${JSON.stringify(write.value)} of ${key} is not dropped silently`,
      ).toBe(true);
    }
  }
  return clashes.length;
}
