import { useRef, useState } from 'react';
import type { MapError } from '../../domain/map/mapRecords.ts';
import { writeFailureOf, type WriteFailure } from '../../storage/writeFailure.ts';
import { afterLocalWrite } from '../../sync/afterLocalWrite.ts';
import { focusFirstInvalidNextFrame } from '../../ui/focusFirstInvalid.ts';

/** The repository's refusal, keyed by the record's field names (or `form`). */
export type MapFieldErrors = Partial<Record<string, MapError>>;
export type MapWrite = { ok: true } | { ok: false; errors: MapFieldErrors };

/** A repository result reduced to what the form needs. */
export function asMapWrite(result: { ok: true } | { ok: false; errors: MapFieldErrors }): MapWrite {
  return result.ok ? { ok: true } : { ok: false, errors: result.errors };
}

/**
 * The state every Action Plan form shares. The draft holds what was typed, as
 * typed, and is never cleared by a refusal; its keys are the record's field
 * names, so the repository's errors land on the field they name. One save at
 * a time: a double tap arrives before React re-renders the disabled button,
 * hence the ref.
 */
export function useMapForm<D extends Record<string, string>>(initial: () => D) {
  const [draft, setDraft] = useState<D>(initial);
  const [errors, setErrors] = useState<MapFieldErrors>({});
  const [failure, setFailure] = useState<WriteFailure>();
  const [isSaving, setIsSaving] = useState(false);
  const inFlight = useRef(false);

  function setField(field: keyof D & string, value: string): void {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      if (current[field] === undefined) return current;
      const rest = { ...current };
      delete rest[field];
      return rest;
    });
  }

  /** An empty date is refused as `invalidDate`; to the person it is a missing one. */
  function errorOf(field: keyof D & string): MapError | undefined {
    const code = errors[field];
    return code === 'invalidDate' && draft[field] === '' ? 'required' : code;
  }

  /** Saves through `write`; refused, the first marked field inside `container` (the form) gets the focus. */
  async function save(container: HTMLElement | null, write: () => Promise<MapWrite>): Promise<boolean> {
    if (inFlight.current) return false;
    inFlight.current = true;
    setIsSaving(true);
    setFailure(undefined);
    try {
      const result = await write();
      if (!result.ok) {
        setErrors(result.errors);
        focusFirstInvalidNextFrame(container);
        return false;
      }
      setErrors({});
      afterLocalWrite();
      return true;
    } catch (error) {
      setFailure(writeFailureOf(error));
      return false;
    } finally {
      inFlight.current = false;
      setIsSaving(false);
    }
  }

  return { draft, setDraft, setField, errors, errorOf, failure, isSaving, save };
}
