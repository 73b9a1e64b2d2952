import { useTranslation } from 'react-i18next';
import type { CaseTimelineItem } from '../../domain/caseTimeline.ts';
import type { Language } from '../../domain/localizedName.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';

/** How many of a screening's reasons the history shows: the strongest, as the screening ordered them. */
const TOP_REASONS = 3;

interface TimelineBodyProps {
  caseId: string;
  item: CaseTimelineItem;
  /** The entry's date and kind, so each "Correct this note" link says which note it corrects. */
  describedBy: string;
  /** Whether a visit note offers "Correct this note" (the role may write home visits on the case). */
  mayCorrect: boolean;
}

/** A short summary of one history entry, in words. */
export function TimelineBody({ caseId, item, describedBy, mayCorrect }: TimelineBodyProps) {
  const { t, i18n } = useTranslation(['cases', 'casework']);
  const language = i18n.language as Language;
  const date = (iso: string) => formatIsoDate(iso, language);
  switch (item.kind) {
    case 'flagged':
      return <p className="timeline-body">{t(`casework:trigger.${item.trigger}`)}</p>;
    case 'status': {
      const { event } = item;
      return (
        <p className="timeline-body">
          {t(`casework:status.${event.from}`)}
          {' → '}
          {t(`casework:status.${event.to}`)}
          {event.closureReason ? (
            <>
              <br />
              {t('timeline.closureReason', { reason: t(`casework:closureReason.${event.closureReason}`) })}
            </>
          ) : null}
          {event.to === 'open' && event.caseManagerId ? (
            <>
              <br />
              {t('timeline.caseManager', { name: event.caseManagerId })}
            </>
          ) : null}
        </p>
      );
    }
    case 'screening': {
      const { screening } = item;
      return (
        <div>
          <p className="timeline-body">
            {t(`casework:level.${screening.level}`)}
            {' · '}
            {t('casework:screening.score', { count: screening.score })}
            {' · '}
            {t('timeline.term', { term: screening.term })}
          </p>
          {screening.reasons.length > 0 ? (
            <ul className="timeline-reasons">
              {screening.reasons.slice(0, TOP_REASONS).map((reason) => (
                <li key={reason.indicator}>
                  {t(`casework:reason.${reason.indicator}`, { count: reason.value, threshold: reason.threshold })}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      );
    }
    case 'planAction': {
      const { action } = item;
      return (
        <p className="timeline-body">
          {t(`casework:intervention.${action.interventionType}`)}
          {' — '}
          {t(`casework:planActionStatus.${action.status}`)}
          <br />
          {action.completedAt
            ? t('timeline.finished', { date: date(action.completedAt) })
            : action.dueDate
              ? t('timeline.due', { date: date(action.dueDate) })
              : t('timeline.noDueDate')}
          {action.outcome ? ` · ${t(`casework:planActionOutcome.${action.outcome}`)}` : null}
          {action.description ? (
            <>
              <br />
              {action.description}
            </>
          ) : null}
        </p>
      );
    }
    case 'visit': {
      const { entry } = item;
      const { visit } = entry;
      return (
        <div>
          <p className="timeline-body">
            {t(`casework:visitOutcome.${visit.outcome}`)}
            {visit.present.length > 0 ? (
              <>
                <br />
                {t('timeline.present', {
                  names: visit.present.map((party) => t(`casework:present.${party}`)).join(', '),
                })}
              </>
            ) : null}
            {visit.nextVisitDate ? (
              <>
                <br />
                {t('timeline.nextVisit', { date: date(visit.nextVisitDate) })}
              </>
            ) : null}
            <br />
            {t('timeline.recordedBy', { name: visit.recordedBy })}
          </p>
          {entry.correctsVisitDate ? (
            <p className="timeline-body">
              {t('casework:visitTimeline.correctionOf', { date: date(entry.correctsVisitDate) })}
            </p>
          ) : null}
          {entry.correctsMissing ? (
            <p className="timeline-body">{t('casework:visitTimeline.correctsMissing')}</p>
          ) : null}
          {entry.current ? null : <p className="timeline-body">{t('casework:visitTimeline.corrected')}</p>}
          {mayCorrect ? (
            <a className="timeline-link" href={`#/cases/${caseId}/visit/${visit.id}`} aria-describedby={describedBy}>
              {t('casework:visitTimeline.correct')}
            </a>
          ) : null}
        </div>
      );
    }
    case 'referral': {
      const { referral } = item;
      return (
        <p className="timeline-body">
          {t('timeline.referralTo', { target: t(`casework:referralTarget.${referral.to}`) })}
          {' · '}
          {t(`casework:referralReason.${referral.reason}`)}
          <br />
          {t(`casework:referralStatus.${referral.status}`)}
          {referral.respondedAt ? ` · ${t('timeline.answered', { date: date(referral.respondedAt) })}` : null}
          {referral.responseNote ? (
            <>
              <br />
              {referral.responseNote}
            </>
          ) : null}
        </p>
      );
    }
  }
}
