import { useEffect, useMemo, useRef, useState } from 'react';
import type { ProtocolProfile } from '../../domain/protocolProfile.ts';
import type { ProtectiveFactor } from '../../domain/riskIndicators.ts';
import { db } from '../../storage/database.ts';
import { clearDraft, loadDraft, saveDraft } from '../../storage/draftRepository.ts';
import { newRecordId } from '../../storage/recordWrites.ts';
import { addScreening } from '../../storage/screeningRepository.ts';
import { screeningDraftKey } from './classSession.ts';
import { evaluateSheet, hasAnyEntry } from './evaluateSheet.ts';
import { writeFailureOf } from '../../storage/writeFailure.ts';
import { afterLocalWrite } from '../../sync/afterLocalWrite.ts';

/** One student's sheet as kept in the drafts table: the id travels with it, so a saved draft saves once. */
export interface SheetDraft {
  id: string;
  values: Record<string, string | boolean>;
  protectiveFactors: ProtectiveFactor[];
}

export type SheetSaveOutcome =
  | { status: 'saved' }
  | { status: 'invalid'; count: number }
  | { status: 'empty' }
  | { status: 'busy' }
  | { status: 'failed'; code: 'storageFull' | 'generic' };

interface SheetTarget {
  profile: ProtocolProfile;
  studentId: string;
  term: string;
  screenedOn: string;
}

function freshDraft(): SheetDraft {
  return { id: newRecordId(), values: {}, protectiveFactors: [] };
}

/**
 * The state of one student's screening sheet. Every change is written to the
 * drafts table at once, so leaving mid-class (or the phone dying) loses
 * nothing; the record id is made when the sheet opens and kept in the draft.
 */
export function useScreeningSheet({ profile, studentId, term, screenedOn }: SheetTarget) {
  const key = screeningDraftKey(studentId, term);
  const [draft, setDraft] = useState<SheetDraft | undefined>(undefined);
  const [restored, setRestored] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  // Refs, not state: a double tap arrives before React re-renders, and saves read the latest typing.
  const draftRef = useRef<SheetDraft | undefined>(undefined);
  const inFlight = useRef(false);

  useEffect(() => {
    let active = true;
    loadDraft<SheetDraft>(db, key)
      .catch(() => undefined)
      .then((found) => {
        if (!active) return;
        draftRef.current = found ?? freshDraft();
        setDraft(draftRef.current);
        setRestored(found !== undefined);
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [key]);

  const evaluation = useMemo(() => evaluateSheet(profile, draft?.values ?? {}), [profile, draft]);

  function update(change: (current: SheetDraft) => SheetDraft): void {
    if (!draftRef.current) return;
    const next = change(draftRef.current);
    draftRef.current = next;
    setDraft(next);
    // A draft that cannot be written (storage full) still lives on screen; the save will report it.
    saveDraft(db, key, next).catch(() => undefined);
  }

  function setValue(code: string, value: string | boolean): void {
    update((current) => ({ ...current, values: { ...current.values, [code]: value } }));
  }

  function setFactor(factor: ProtectiveFactor, present: boolean): void {
    update((current) => ({
      ...current,
      protectiveFactors: present
        ? [...current.protectiveFactors.filter((item) => item !== factor), factor]
        : current.protectiveFactors.filter((item) => item !== factor),
    }));
  }

  async function save(screenedBy: string): Promise<SheetSaveOutcome> {
    const current = draftRef.current;
    if (inFlight.current || !current) return { status: 'busy' };
    const checked = evaluateSheet(profile, current.values);
    const errorCount = Object.keys(checked.errors).length;
    if (errorCount > 0) return { status: 'invalid', count: errorCount };
    if (!hasAnyEntry(current.values)) return { status: 'empty' };
    inFlight.current = true;
    setIsSaving(true);
    try {
      const input = { id: current.id, studentId, term, screenedOn, screenedBy, values: checked.values };
      await addScreening(db, profile, { ...input, protectiveFactors: current.protectiveFactors });
      await clearDraft(db, key);
      afterLocalWrite();
      // inFlight stays set: this sheet is done, and a late second tap must not save it again.
      return { status: 'saved' };
    } catch (error) {
      inFlight.current = false;
      const code = writeFailureOf(error);
      return { status: 'failed', code };
    } finally {
      setIsSaving(false);
    }
  }

  return { draft, restored, evaluation, isSaving, setValue, setFactor, save };
}
