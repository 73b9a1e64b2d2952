import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ID_PATTERN } from '../../domain/student.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { AUDIT_ACTIONS, isAuditAction, type AuditQuery } from './auditApi.ts';

/** The form as typed: dates as the date inputs give them (YYYY-MM-DD, the phone's own days). */
interface Draft {
  action: string;
  userId: string;
  caseId: string;
  from: string;
  to: string;
}

type DraftErrors = Partial<Record<'caseId' | 'to', string>>;

function localMidnight(isoDate: string, addDays = 0): number {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Date(year, month - 1, day + addDays).getTime();
}

function isoDateOf(time: number | undefined, addDays = 0): string {
  if (time === undefined) return '';
  const date = new Date(time);
  date.setDate(date.getDate() + addDays);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function draftOf(query: AuditQuery): Draft {
  return {
    action: query.action ?? '',
    userId: query.userId ?? '',
    caseId: query.caseId ?? '',
    from: isoDateOf(query.from),
    // `to` is the midnight after the last day asked for.
    to: isoDateOf(query.to, -1),
  };
}

/** The query a draft asks for: "until" a day includes that whole day. */
function queryOf(draft: Draft): AuditQuery {
  const caseId = draft.caseId.trim().toLowerCase();
  return {
    ...(isAuditAction(draft.action) ? { action: draft.action } : {}),
    ...(draft.userId === '' ? {} : { userId: draft.userId }),
    ...(caseId === '' ? {} : { caseId }),
    ...(draft.from === '' ? {} : { from: localMidnight(draft.from) }),
    ...(draft.to === '' ? {} : { to: localMidnight(draft.to, 1) }),
  };
}

interface AuditFiltersProps {
  query: AuditQuery;
  /** The people the pages so far named, by id: whom the person filter offers. */
  people: Readonly<Record<string, string>>;
  disabled: boolean;
  onApply: (query: AuditQuery) => void;
}

/** What to show: one kind of event, one person, one case, a range of days. Applied on "Show events". */
export function AuditFilters({ query, people, disabled, onApply }: AuditFiltersProps) {
  const { t, i18n } = useTranslation('audit');
  const [draft, setDraft] = useState<Draft>(() => draftOf(query));
  const [errors, setErrors] = useState<DraftErrors>({});
  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const personOptions = Object.entries(people)
    .map(([id, name]) => ({ value: id, label: name }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  if (draft.userId !== '' && people[draft.userId] === undefined) {
    personOptions.push({ value: draft.userId, label: draft.userId });
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const caseId = draft.caseId.trim().toLowerCase();
    const found: DraftErrors = {
      ...(caseId === '' || ID_PATTERN.test(caseId) ? {} : { caseId: t('filters.caseIdInvalid') }),
      ...(draft.from !== '' && draft.to !== '' && draft.to < draft.from ? { to: t('filters.toBeforeFrom') } : {}),
    };
    setErrors(found);
    if (Object.keys(found).length === 0) onApply(queryOf(draft));
  };

  const clear = () => {
    setDraft(draftOf({}));
    setErrors({});
    onApply({});
  };

  return (
    <form className="audit-filters" aria-label={t('filters.title')} onSubmit={submit} noValidate>
      <SelectField
        label={t('filters.action')}
        placeholder={t('filters.anyAction')}
        value={draft.action}
        options={AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`action.${action}`) }))}
        onValueChange={(action) => change({ action })}
      />
      <SelectField
        label={t('filters.person')}
        placeholder={t('filters.anyone')}
        value={draft.userId}
        options={personOptions}
        onValueChange={(userId) => change({ userId })}
      />
      <TextField
        label={t('filters.caseId')}
        hint={t('filters.caseIdHint')}
        value={draft.caseId}
        error={errors.caseId}
        autoComplete="off"
        spellCheck={false}
        onValueChange={(caseId) => change({ caseId })}
      />
      <div className="field-row">
        <TextField
          label={t('filters.from')}
          type="date"
          value={draft.from}
          onValueChange={(from) => change({ from })}
        />
        <TextField
          label={t('filters.to')}
          type="date"
          value={draft.to}
          error={errors.to}
          onValueChange={(to) => change({ to })}
        />
      </div>
      <div className="form-actions">
        <button type="button" onClick={clear} disabled={disabled}>
          {t('filters.clear')}
        </button>
        <button type="submit" className="button-primary" disabled={disabled}>
          {t('filters.apply')}
        </button>
      </div>
    </form>
  );
}
