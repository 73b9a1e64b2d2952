import { describe, expect, it } from 'vitest';
import { validateHomeVisit } from '../../../src/domain/homeVisitValidation.ts';
import {
  fieldsToSave,
  newVisitFields,
  nextVisitFrom,
  restoredDraft,
  roundedTime,
  withChange,
} from '../../../src/features/visits/visitFormFields.ts';

const CASE_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01';
const NOW = new Date(2026, 10, 23, 15, 47);
const defaults = newVisitFields(CASE_ID, NOW);

describe('visit form fields', () => {
  it('starts a note today at the current five minutes, with the family met and nobody ticked yet', () => {
    expect(defaults).toMatchObject({ visitDate: '2026-11-23', startTime: '15:45', outcome: 'metFamily', present: [] });
    expect(roundedTime(new Date(2026, 0, 1, 23, 59))).toBe('23:55');
    expect(validateHomeVisit(fieldsToSave({ ...defaults, present: ['child'] }), '2026-11-23')).toMatchObject({
      ok: true,
    });
  });

  it('empties "present" when the outcome says nobody was met, and only then', () => {
    const met = { ...defaults, present: ['child' as const] };
    expect(withChange(met, 'outcome', 'nobodyHome').present).toEqual([]);
    expect(withChange(met, 'outcome', 'moved').present).toEqual([]);
    expect(withChange(met, 'outcome', 'refused').present).toEqual(['child']);
  });

  it('drops blank agreed actions and an address typed for another outcome', () => {
    const fields = {
      ...defaults,
      newAddress: 'Prizren',
      agreedActions: [
        { what: '', who: ' ', byDate: null },
        { what: '', who: 'Mother', byDate: null },
      ],
    };
    expect(fieldsToSave(fields)).toMatchObject({ newAddress: '', agreedActions: [{ who: 'Mother' }] });
    expect(fieldsToSave({ ...fields, outcome: 'moved' }).newAddress).toBe('Prizren');
  });

  it('counts the next-visit shortcuts from the visit, clamping a month to its last day', () => {
    expect(nextVisitFrom('2026-01-31', 'inOneWeek', '2026-11-23')).toBe('2026-02-07');
    expect(nextVisitFrom('2026-01-31', 'inTwoWeeks', '2026-11-23')).toBe('2026-02-14');
    expect(nextVisitFrom('2026-01-31', 'inOneMonth', '2026-11-23')).toBe('2026-02-28');
    expect(nextVisitFrom('', 'inOneWeek', '2026-11-23')).toBe('2026-11-30');
  });

  it('restores only the note’s own fields from a draft, keeping cleared values cleared', () => {
    const stored = {
      id: 'a-draft-id',
      fields: { notes: 'Half written', startTime: null, oldField: 'x', caseId: 'another', correctionOf: 'other' },
    };
    const draft = restoredDraft(stored, defaults);
    expect(draft?.id).toBe('a-draft-id');
    expect(draft?.fields).toEqual({ ...defaults, notes: 'Half written', startTime: null });
    expect(restoredDraft(null, defaults)).toBeNull();
    expect(restoredDraft({ fields: {} }, defaults)).toBeNull();
    expect(restoredDraft('junk', defaults)).toBeNull();
  });
});
