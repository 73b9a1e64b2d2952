import { useState } from 'react';
import { createOrganisation } from './adminApi.ts';
import type { NewOrganisation, Organisation, OrganisationKind } from './adminTypes.ts';
import { serverFieldFaults, type FieldFault } from './fieldIssues.ts';
import { useAdminAction, type AdminAction } from './useAdminRequest.ts';
import type { Places } from './usePlaces.ts';

export const ORGANISATION_FIELDS = ['kind', 'name', 'schoolId', 'municipalityId'] as const;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];

export interface OrganisationDraft {
  kind: OrganisationKind | '';
  name: string;
  schoolId: string;
  municipalityId: string;
}

const EMPTY: OrganisationDraft = { kind: '', name: '', schoolId: '', municipalityId: '' };

/**
 * Which place a kind of organisation is tied to: a school organisation is
 * one school record (the server requires it, and takes the municipality from
 * the school here); a directorate and a centre for social work serve one
 * municipality; a CSO may name one; a ministry none.
 */
export function placeOfKind(kind: OrganisationKind | ''): 'school' | 'municipality' | 'optionalMunicipality' | 'none' {
  switch (kind) {
    case 'school':
      return 'school';
    case 'med':
    case 'csw':
      return 'municipality';
    case 'cso':
      return 'optionalMunicipality';
    default:
      return 'none';
  }
}

/** What the phone can tell before asking the server. */
export function organisationFaults(draft: OrganisationDraft): Map<OrganisationField, FieldFault> {
  const faults = new Map<OrganisationField, FieldFault>();
  const place = placeOfKind(draft.kind);
  if (draft.kind === '') faults.set('kind', 'required');
  if (draft.name.trim() === '') faults.set('name', 'required');
  if (place === 'school' && draft.schoolId === '') faults.set('schoolId', 'required');
  if (place === 'municipality' && draft.municipalityId === '') faults.set('municipalityId', 'required');
  return faults;
}

/** The request body: only the places the kind takes, the others null. */
export function organisationRequest(
  draft: OrganisationDraft & { kind: OrganisationKind },
  places: Places,
): NewOrganisation {
  const place = placeOfKind(draft.kind);
  const schoolId = place === 'school' ? draft.schoolId : null;
  const municipalityId =
    place === 'school'
      ? (places.school(draft.schoolId)?.municipalityId ?? null)
      : place === 'none' || draft.municipalityId === ''
        ? null
        : draft.municipalityId;
  return { kind: draft.kind, name: draft.name.trim(), schoolId, municipalityId };
}

export interface OrganisationForm {
  draft: OrganisationDraft;
  set: (field: OrganisationField, value: string) => void;
  faults: ReadonlyMap<OrganisationField, FieldFault>;
  action: AdminAction;
  /** The organisation made, or what went wrong (for focus). */
  submit: () => Promise<Organisation | 'invalid' | 'refused' | undefined>;
}

/** The form to add an organisation; what was typed stays after a refusal, and clears once it is made. */
export function useOrganisationForm(places: Places): OrganisationForm {
  const [draft, setDraft] = useState<OrganisationDraft>(EMPTY);
  const [localFaults, setLocalFaults] = useState<Map<OrganisationField, FieldFault>>(() => new Map());
  const action = useAdminAction();

  function set(field: OrganisationField, value: string) {
    setDraft((before) => {
      const next = { ...before, [field]: value };
      // Picking a school names a school organisation after it, unless a name is already typed.
      if (field === 'schoolId' && before.name.trim() === '') next.name = places.school(value)?.name ?? '';
      return next;
    });
  }

  async function submit() {
    const faults = organisationFaults(draft);
    setLocalFaults(faults);
    action.clearProblem();
    const { kind } = draft;
    if (faults.size > 0 || kind === '') return 'invalid' as const;
    const result = await action.run(() => createOrganisation(organisationRequest({ ...draft, kind }, places)));
    if (result === undefined) return undefined;
    if (!result.ok) return 'refused' as const;
    setDraft(EMPTY);
    return result.value;
  }

  const faults = localFaults.size > 0 ? localFaults : serverFieldFaults(action.problem, ORGANISATION_FIELDS);
  return { draft, set, faults, action, submit };
}
