import { useCallback, useEffect, useRef } from 'react';
import type { HomeVisitFields } from '../../domain/homeVisit.ts';
import { db } from '../../storage/database.ts';
import { saveDraft } from '../../storage/draftRepository.ts';
import type { VisitDraft } from './visitFormFields.ts';

/** Long enough not to write on every keystroke, short enough that a killed app loses half a word at most. */
export const DRAFT_DELAY_MS = 500;

/**
 * Keeps the half-written note in the drafts table: shortly after each
 * change, and at once when the phone hides the page (switching apps, locking
 * the screen) or the form closes. `canSave` is asked each time, so nothing is
 * written before the user has changed anything, while a save is running, or
 * after the note is saved (its draft was cleared with it).
 */
export function useVisitAutosave(draftKey: string, id: string, fields: HomeVisitFields, canSave: () => boolean) {
  const latest = useRef<VisitDraft>({ id, fields });
  const canSaveNow = useRef(canSave);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    latest.current = { id, fields };
    canSaveNow.current = canSave;
  });

  const cancelPending = useCallback(() => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
  }, []);

  const flush = useCallback(() => {
    cancelPending();
    if (!canSaveNow.current()) return;
    saveDraft(db, draftKey, latest.current).catch(() => {
      // Best effort: the draft only guards against the app closing; Save reports real storage failures.
    });
  }, [draftKey, cancelPending]);

  useEffect(() => {
    timer.current = setTimeout(flush, DRAFT_DELAY_MS);
    return cancelPending;
  }, [fields, flush, cancelPending]);

  useEffect(() => {
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibilityChange);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibilityChange);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  return { flush, cancelPending };
}
