import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isRole } from '../../domain/accessScope.ts';
import { formatDateTime } from '../../i18n/formatDate.ts';
import { isExportKind } from '../../sync/exportAuditProtocol.ts';
import { isAuditAction, type AuditEvent } from './auditApi.ts';
import type { AuditPlaces } from './useAuditPlaces.ts';

interface AuditEventCardProps {
  event: AuditEvent;
  people: Readonly<Record<string, string>>;
  organisations: Readonly<Record<string, string>>;
  places: AuditPlaces;
  onOnlyCase: (caseId: string) => void;
}

type FactKey =
  | 'who'
  | 'case'
  | 'student'
  | 'account'
  | 'organisation'
  | 'role'
  | 'school'
  | 'municipality'
  | 'assignee'
  | 'records'
  | 'fields'
  | 'failures'
  | 'exportKind'
  | 'rows'
  | 'when';

const EXPORT_FACT_LABELS = { exportKind: 'exports:audit.kind', rows: 'exports:audit.rows' } as const;

/**
 * One event in words: what happened, who did it (their name when the server
 * gives it, else their id), what it was about, and when. Phrased as facts
 * rather than a sentence, so every language reads right whoever the person is.
 */
export function AuditEventCard({ event, people, organisations, places, onOnlyCase }: AuditEventCardProps) {
  const { t, i18n } = useTranslation(['audit', 'account', 'exports']);
  const detail = event.detail ?? {};
  const text = (key: string) => (typeof detail[key] === 'string' ? detail[key] : undefined);
  const count = (key: string) => (typeof detail[key] === 'number' ? detail[key] : undefined);
  const person = (id: string) => people[id] ?? id;
  const facts: [FactKey, ReactNode][] = [];
  const add = (key: FactKey, value: ReactNode | undefined) => {
    if (value !== undefined) facts.push([key, value]);
  };

  add('who', whoOf(event, person, t));
  if (event.entity === 'case' && event.entityId !== null) add('case', caseFact(event.entityId));
  if (event.entity === 'student' && event.entityId !== null)
    add('student', <span className="audit-id">{event.entityId}</span>);
  if (event.entity === 'user' && event.entityId !== null) add('account', person(event.entityId));
  if (event.entity === 'organisation' && event.entityId !== null) {
    add('organisation', organisations[event.entityId] ?? event.entityId);
  }
  const role = text('role');
  if (isRole(role)) add('role', t(`account:role.${role}`));
  const schoolId = text('schoolId') ?? (event.entity === 'school' ? (event.entityId ?? undefined) : undefined);
  if (schoolId !== undefined) add('school', places.placeName(schoolId) ?? schoolId);
  const municipalityId =
    text('municipalityId') ?? (event.entity === 'municipality' ? (event.entityId ?? undefined) : undefined);
  if (municipalityId !== undefined) add('municipality', places.placeName(municipalityId) ?? municipalityId);
  const assigneeId = text('assigneeId');
  if (assigneeId !== undefined) add('assignee', person(assigneeId));
  add('records', count('records')?.toLocaleString(i18n.language));
  add('fields', count('fields')?.toLocaleString(i18n.language));
  add('failures', count('failures')?.toLocaleString(i18n.language));
  // An export (docs/exports.md): what kind of file or printout, and how many rows it held.
  const kind = text('kind');
  if (event.action === 'export' && isExportKind(kind)) add('exportKind', t(`exports:audit.kindName.${kind}`));
  if (event.action === 'export') add('rows', count('rows')?.toLocaleString(i18n.language));
  add('when', <time dateTime={new Date(event.at).toISOString()}>{formatDateTime(event.at, i18n.language)}</time>);

  function caseFact(caseId: string) {
    return (
      <span className="audit-case">
        {places.caseOnPhone(caseId) ? (
          <a className="audit-id" href={`#/cases/${caseId}`}>
            {caseId}
          </a>
        ) : (
          <span className="audit-id">{caseId}</span>
        )}
        <button type="button" className="audit-only-case" onClick={() => onOnlyCase(caseId)}>
          {t('onlyThisCase')}
        </button>
      </span>
    );
  }

  return (
    <li className="audit-event" data-testid="audit-event">
      <p className="audit-what">
        {isAuditAction(event.action) ? t(`action.${event.action}`) : t('action.other', { action: event.action })}
      </p>
      <dl className="audit-facts">
        {facts.map(([key, value]) => (
          <div key={key} className="audit-fact">
            <dt>{key === 'exportKind' || key === 'rows' ? t(EXPORT_FACT_LABELS[key]) : t(`fact.${key}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

function whoOf(
  event: AuditEvent,
  person: (id: string) => string,
  t: (key: 'who.unknownLogin' | 'who.server') => string,
): string {
  if (event.userId !== null) return person(event.userId);
  // No user: a login nobody has, or the server acting by itself (the demo seed, the first administrator).
  return event.action === 'sign_in_failed' ? t('who.unknownLogin') : t('who.server');
}
