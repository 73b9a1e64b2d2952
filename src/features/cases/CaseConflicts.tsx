import { useTranslation } from 'react-i18next';
import { conflictSides, type ConflictChoice, type FieldConflict } from '../../domain/fieldConflict.ts';
import { loadCaseConflicts } from '../../storage/conflictRepository.ts';
import { db } from '../../storage/database.ts';
import { useLiveQuery } from '../../storage/useLiveQuery.ts';
import { showToast } from '../../state/toastStore.ts';
import { useClashValueText } from './useClashValueText.ts';
import { useResolveClash } from './useResolveClash.ts';

/**
 * Same-field clashes on this case (docs/sync.md, "Conflicts"): both values,
 * which one the phone shows now, and a button to keep either. Shown above the
 * workflow, since what it says may be wrong until someone chooses.
 */
export function CaseConflicts({ caseId }: { caseId: string }) {
  const { t } = useTranslation(['cases', 'common']);
  const found = useLiveQuery(() => loadCaseConflicts(db, caseId), [caseId]);
  const { choose, isChoosing, problem } = useResolveClash();
  if (found === undefined || found.conflicts.length === 0) return null;

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
  onChoose: (choice: ConflictChoice) => void;
}

function ClashCard({ conflict, clientId, disabled, onChoose }: ClashCardProps) {
  const { t } = useTranslation(['cases']);
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
          <button
            type="button"
            className="button"
            disabled={disabled}
            aria-describedby={titleId}
            onClick={() => onChoose(choice)}
          >
            {t('conflict.keep')}
          </button>
        </div>
      ))}
    </li>
  );
}
