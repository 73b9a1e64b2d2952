import { useState } from 'react';
import { ID_PATTERN } from '../../domain/student.ts';
import { changeCaseAssignee } from './adminApi.ts';
import type { FieldFault } from './fieldIssues.ts';
import { useAdminAction, type AdminAction } from './useAdminRequest.ts';

export type AssignmentField = 'caseId' | 'mentorId';
export type AssignmentChange = 'give' | 'take';

/**
 * A case id as pasted from a message or the case's address: spaces and a
 * leading `#/cases/` dropped, lower case. Undefined when what is left is no id.
 */
export function caseIdFrom(pasted: string): string | undefined {
  const candidate = pasted.trim().toLowerCase().split('/').filter(Boolean).pop() ?? '';
  return ID_PATTERN.test(candidate) ? candidate : undefined;
}

export interface AssignmentDone {
  change: AssignmentChange;
  mentorId: string;
}

export interface AssignmentForm {
  caseText: string;
  mentorId: string;
  setCaseText: (value: string) => void;
  setMentorId: (value: string) => void;
  faults: ReadonlyMap<AssignmentField, FieldFault>;
  action: AdminAction;
  /** Which button was pressed last, so the refusal is read as giving's or taking's. */
  lastChange: AssignmentChange | undefined;
  done: AssignmentDone | undefined;
  submit: (change: AssignmentChange) => Promise<'done' | 'invalid' | 'refused' | undefined>;
}

/** Giving a case to a CSO mentor, or taking it away; the case id and the choice of mentor stay after a refusal. */
export function useAssignmentForm(): AssignmentForm {
  const [caseText, setCaseText] = useState('');
  const [mentorId, setMentorId] = useState('');
  const [faults, setFaults] = useState<Map<AssignmentField, FieldFault>>(() => new Map());
  const [lastChange, setLastChange] = useState<AssignmentChange>();
  const [done, setDone] = useState<AssignmentDone>();
  const action = useAdminAction();

  async function submit(change: AssignmentChange) {
    const caseId = caseIdFrom(caseText);
    const found = new Map<AssignmentField, FieldFault>();
    if (caseText.trim() === '') found.set('caseId', 'required');
    else if (caseId === undefined) found.set('caseId', 'invalid_format');
    if (mentorId === '') found.set('mentorId', 'required');
    setFaults(found);
    setDone(undefined);
    setLastChange(change);
    action.clearProblem();
    if (found.size > 0 || caseId === undefined) return 'invalid' as const;
    const result = await action.run(() => changeCaseAssignee(change, caseId, mentorId));
    if (result === undefined) return undefined;
    if (!result.ok) return 'refused' as const;
    setDone({ change, mentorId });
    return 'done' as const;
  }

  return { caseText, mentorId, setCaseText, setMentorId, faults, action, lastChange, done, submit };
}
