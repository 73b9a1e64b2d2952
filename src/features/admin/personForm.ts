import { useState } from 'react';
import type { Language } from '../../domain/localizedName.ts';
import { createUser } from './adminApi.ts';
import type { CreatedUser } from './adminTypes.ts';
import { serverFieldFaults, type FieldFault } from './fieldIssues.ts';
import { useAdminAction, type AdminAction } from './useAdminRequest.ts';

export const PERSON_FIELDS = ['displayName', 'login', 'organisationId', 'locale'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export interface PersonDraft {
  displayName: string;
  login: string;
  /** '' for nobody's organisation (the API takes null). */
  organisationId: string;
  locale: Language;
}

/**
 * The phone checks only that the name and login are there: the server owns
 * the login's form (lower-case letters, digits and . _ - @) and says which
 * field it did not accept, and the screen names that field.
 */
export function personFaults(draft: PersonDraft): Map<PersonField, FieldFault> {
  const faults = new Map<PersonField, FieldFault>();
  if (draft.displayName.trim() === '') faults.set('displayName', 'required');
  if (draft.login.trim() === '') faults.set('login', 'required');
  return faults;
}

export interface PersonForm {
  draft: PersonDraft;
  set: <F extends PersonField>(field: F, value: PersonDraft[F]) => void;
  faults: ReadonlyMap<PersonField, FieldFault>;
  action: AdminAction;
  created: CreatedUser | undefined;
  submit: () => Promise<'created' | 'invalid' | 'refused' | undefined>;
  /** After one person is made: an empty form for the next. */
  startAgain: () => void;
}

/** Adding a person: on success the server answers with their one-time invitation code. */
export function usePersonForm(language: Language): PersonForm {
  const empty: PersonDraft = { displayName: '', login: '', organisationId: '', locale: language };
  const [draft, setDraft] = useState<PersonDraft>(empty);
  const [localFaults, setLocalFaults] = useState<Map<PersonField, FieldFault>>(() => new Map());
  const [created, setCreated] = useState<CreatedUser>();
  const action = useAdminAction();

  function set<F extends PersonField>(field: F, value: PersonDraft[F]) {
    setDraft((before) => ({ ...before, [field]: value }));
  }

  async function submit() {
    const faults = personFaults(draft);
    setLocalFaults(faults);
    action.clearProblem();
    if (faults.size > 0) return 'invalid' as const;
    const result = await action.run(() =>
      createUser({
        displayName: draft.displayName.trim(),
        login: draft.login.trim(),
        organisationId: draft.organisationId === '' ? null : draft.organisationId,
        locale: draft.locale,
      }),
    );
    if (result === undefined) return undefined;
    if (!result.ok) return 'refused' as const;
    setCreated(result.value);
    return 'created' as const;
  }

  function startAgain() {
    setDraft(empty);
    setCreated(undefined);
    setLocalFaults(new Map());
    action.clearProblem();
  }

  const serverFaults = serverFieldFaults(action.problem, PERSON_FIELDS);
  // A 409 on creating a person is the login: someone has it already.
  if (action.problem?.kind === 'conflict') serverFaults.set('login', 'taken');
  const faults = localFaults.size > 0 ? localFaults : serverFaults;
  return { draft, set, faults, action, created, submit, startAgain };
}
