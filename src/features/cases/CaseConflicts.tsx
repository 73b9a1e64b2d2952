import { useTranslation } from 'react-i18next';
import { conflictSides, type ConflictChoice, type FieldConflict } from '../../domain/fieldConflict.ts';
import { caseRecordKeys } from '../../domain/newRecordKeys.ts';
import { clashRights, type ClashRights } from '../../domain/writeRights.ts';
import { loadCaseConflicts } from '../../storage/conflictRepository.ts';
import { db } from '../../storage/database.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { showToast } from '../../state/toastStore.ts';
import { useAccessScope, useCaseKeys } from '../account/useWriteRights.ts';
import { useClashValueText } from './useClashValueText.ts';
import { useResolveClash } from './useResolveClash.ts';

/**
 * Same-field clashes on this case (docs/sync.md, "Conflicts"): both values,
 * which one the phone shows now, and a button to keep either. Shown above the
 * workflow, since what it says may be wrong until someone chooses. Keeping
 * the replaced value writes it back to the record, so it is offered only to
 * a role that may change that record (a mentor does not change a case's own
 * fields); everyone who may settle the clash can keep the value shown now.
 */
export function CaseConflicts({ caseId }: { caseId: string }) {
  const { t } = useTranslation(['cases', 'common']);
  const found = useLiveQuery(() => loadCaseConflicts(db, caseId), [caseId]);
  const scope = useAccessScope();
  const keys = useCaseKeys(caseId);
  const { choose, isChoosing, problem } = useResolveClash();
  if (found === undefined || found.conflicts.length === 0 || scope === undefined || keys === undefined) return null;
  const rightsOf = (conflict: FieldConflict): ClashRights =>
    clashRights(scope, keys ? caseRecordKeys(conflict.recordEntity, keys) : undefined, conflict.field);

  async function onChoose(conflictId: string, choice: ConflictChoice) {
    if (await choose(conflictId, choice)) showToast(t('conflict.saved'));
  }

  return (
    <section className="case-conflicts" aria-labelledby="case-conflicts-title">
      <h2 id="case-conflicts-title">{t('conflict.title')}</h2>
      <p>{t('conflict.intro')}</p>
      {problem === undefined ? null : (
        <p role="alert">
          {problem === 'alreadyResolved' ? t('conflict.alreadyResolved') : t(`common:errors.${problem}`)}
        </p>
      )}
      <ul className="card-list">
        {found.conflicts.map((conflict) => (
          <ClashCard
            key={conflict.id}
            conflict={conflict}
            clientId={found.clientId}
            disabled={isChoosing}
            rights={rightsOf(conflict)}
            onChoose={(choice) => void onChoose(conflict.id, choice)}
          />
        ))}
      </ul>
    </section>
  );
}

interface ClashCardProps {
  conflict: FieldConflict;
  clientId: string;
  disabled: boolean;
  rights: ClashRights;
  onChoose: (choice: ConflictChoice) => void;
}

function ClashCard({ conflict, clientId, disabled, rights, onChoose }: ClashCardProps) {
  const { t } = useTranslation(['cases', 'account']);
  const { fieldLabel, valueText } = useClashValueText();
  const sides = conflictSides(conflict, clientId);
  const titleId = `clash-${conflict.id}`;
  const options: { choice: ConflictChoice; value: unknown }[] = [
    { choice: 'kept', value: conflict.keptValue },
    { choice: 'lost', value: conflict.lostValue },
  ];
  return (
    <li className="card clash-card" aria-labelledby={titleId}>
      <p className="card-title" id={titleId}>
        {t(`conflict.record.${conflict.recordEntity}`)} · {fieldLabel(conflict)}
      </p>
      {options.map(({ choice, value }) => (
        <div className="clash-side" key={choice}>
          <p className="card-detail">
            <strong>{t(`conflict.side.${sides[choice]}`)}</strong>
            {choice === 'kept' ? ` (${t('conflict.shownNow')})` : null}
          </p>
          <p className="clash-value">{valueText(conflict, value)}</p>
          {(choice === 'kept' ? rights.keepShown : rights.restore) ? (
            <button
              type="button"
              className="button"
              disabled={disabled}
              aria-describedby={titleId}
              onClick={() => onChoose(choice)}
            >
              {t('conflict.keep')}
            </button>
          ) : choice === 'lost' ? (
            <p className="card-detail">{t('account:rights.restoreClash')}</p>
          ) : null}
        </div>
      ))}
    </li>
  );
}
