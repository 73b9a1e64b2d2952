import { useTranslation } from 'react-i18next';
import type { CaseTimelineItem } from '../../domain/caseTimeline.ts';
import type { Language } from '../../domain/localizedName.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';
import { TimelineBody } from './TimelineBody.tsx';

function kindLabel(item: CaseTimelineItem, t: ReturnType<typeof useTranslation<['cases', 'casework']>>['t']): string {
  if (item.kind === 'referral') return t(`casework:referralKind.${item.referral.kind}`);
  return t(`timeline.kind.${item.kind}`);
}

interface CaseTimelineProps {
  caseId: string;
  items: readonly CaseTimelineItem[];
  /** Whether the signed-in role may write a correcting note (a new home visit on this case). */
  mayCorrectVisits: boolean;
}

/** The case's history, newest first: one list of dated entries, each with its kind in words. */
export function CaseTimeline({ caseId, items, mayCorrectVisits }: CaseTimelineProps) {
  const { t, i18n } = useTranslation(['cases', 'casework']);
  const language = i18n.language as Language;
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      <ol className="case-timeline" data-testid="case-timeline">
        {items.map((item) => {
          const superseded = item.kind === 'visit' && !item.entry.current;
          const metaId = `timeline-${item.key}`;
          return (
            <li key={item.key} className={superseded ? 'timeline-superseded' : undefined} data-kind={item.kind}>
              <p className="timeline-meta" id={metaId}>
                {item.date === null ? (
                  t('timeline.noDate')
                ) : (
                  <time dateTime={item.date}>{formatIsoDate(item.date, language)}</time>
                )}
                {' · '}
                <span className="timeline-kind">{kindLabel(item, t)}</span>
              </p>
              <TimelineBody caseId={caseId} item={item} describedBy={metaId} mayCorrect={mayCorrectVisits} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
