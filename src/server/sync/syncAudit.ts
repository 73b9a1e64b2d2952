/**
 * What a sync request leaves in the audit trail (docs/accounts.md, "Audit"):
 * one row per case written and per case read (a student without a case
 * stands for itself), with counts only — never a field value.
 */
import type { RecordKeys } from '../../domain/accessScope.ts';
import type { AuditEntry } from '../audit/auditLog.ts';
import type { AppliedBatch } from './applyMutations.ts';
import type { ReadSubject } from './readChanges.ts';

export interface SyncActor {
  userId: string;
  clientId: string;
}

/** case_write per case (or case-less student) written, case_assigned per case a mentor flagged. */
export function writeAuditEntries(actor: SyncActor, batch: AppliedBatch): AuditEntry[] {
  const counts = new Map<string, { entity: 'case' | 'student'; entityId: string; records: number }>();
  for (const keys of batch.written) {
    const subject = subjectOf(keys);
    if (subject === undefined) continue;
    const key = `${subject.entity}\u0000${subject.entityId}`;
    const seen = counts.get(key);
    if (seen === undefined) counts.set(key, { ...subject, records: 1 });
    else seen.records += 1;
  }
  const writes: AuditEntry[] = [...counts.values()].map(({ entity, entityId, records }) => ({
    ...actorOf(actor),
    action: 'case_write',
    entity,
    entityId,
    detail: { records },
  }));
  const assignments: AuditEntry[] = batch.assignedCaseIds.map((caseId) => ({
    ...actorOf(actor),
    action: 'case_assigned',
    entity: 'case',
    entityId: caseId,
    detail: { flaggedBy: actor.userId },
  }));
  return [...writes, ...assignments];
}

/** case_read per case (or case-less student) whose fields the reply carries. */
export function readAuditEntries(actor: SyncActor, read: readonly ReadSubject[]): AuditEntry[] {
  return read.map(({ entity, entityId, fields }) => ({
    ...actorOf(actor),
    action: 'case_read',
    entity,
    entityId,
    detail: { fields },
  }));
}

export function scopeChangedEntry(actor: SyncActor, from: number, to: number): AuditEntry {
  return { ...actorOf(actor), action: 'scope_changed', detail: { from, to } };
}

function actorOf(actor: SyncActor): Pick<AuditEntry, 'userId' | 'clientId'> {
  return { userId: actor.userId, clientId: actor.clientId };
}

function subjectOf(keys: RecordKeys): { entity: 'case' | 'student'; entityId: string } | undefined {
  if (keys.caseId !== null) return { entity: 'case', entityId: keys.caseId };
  if (keys.studentId !== null) return { entity: 'student', entityId: keys.studentId };
  return undefined;
}
