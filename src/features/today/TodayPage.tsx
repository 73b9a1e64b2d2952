import { useTranslation } from 'react-i18next';
import type { FollowUpItem, FollowUps } from '../../domain/followUps.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';
import type { TodayData } from '../../storage/followUpQuery.ts';
import { TODAY_LISTS, type TodayList } from '../../storage/todayWindow.ts';
import { FollowUpCard, RiskRiseCard } from './FollowUpCard.tsx';
import { FollowUpSection } from './FollowUpSection.tsx';
import './today.css';
import { useToday, useTodayReadyMark } from './useToday.ts';
import { CatchingUpNotice } from '../sync/CatchingUpNotice.tsx';
import type { AccessScope } from '../../domain/accessScope.ts';
import { placesFor } from '../../domain/writeRights.ts';
import { useAccessScope, useFlaggableStudents } from '../account/useWriteRights.ts';

/** The lists of due work, in the order a mentor should work through them. */
const DUE_LISTS = ['overdue', 'today', 'thisWeek', 'deadlinesSoon'] as const satisfies readonly (keyof FollowUps)[];

const itemKey = (item: FollowUpItem): string => `${item.kind}:${item.refId}`;

function isEmpty(totals: TodayData['totals']): boolean {
  return TODAY_LISTS.every((list) => totals[list] === 0);
}

/**
 * The home screen (PRODUCT F7): what is overdue, due today and this week,
 * protocol deadlines about to pass and students whose risk rose — computed
 * on the phone from what is on it, so it works in a village with no signal.
 */
export function TodayPage() {
  const { t, i18n } = useTranslation(['today', 'casework', 'common']);
  const { today, data, catchingUp, showWhole } = useToday();
  // Links to open a case or screen a class only for a role that may (writeRights.ts): the lists wait for the account.
  const scope = useAccessScope();
  const flaggable = useFlaggableStudents(
    (data?.followUps.riskRose ?? []).filter((rise) => rise.caseId === null).map((rise) => rise.studentId),
  );
  const ready = data !== undefined && scope !== undefined && flaggable !== undefined;
  useTodayReadyMark(ready && !catchingUp);

  return (
    <section className="page" aria-labelledby="today-title" data-testid="today" aria-busy={!ready}>
      <h1 id="today-title">{t('title')}</h1>
      <p className="today-date">
        <time dateTime={today}>{formatIsoDate(today, i18n.language, 'long')}</time>
      </p>
      {catchingUp ? (
        <CatchingUpNotice />
      ) : !ready ? (
        <p role="status">{t('loading')}</p>
      ) : (
        <TodayLists data={data} scope={scope} flaggable={flaggable} showWhole={showWhole} />
      )}
    </section>
  );
}

interface TodayListsProps {
  data: TodayData;
  scope: AccessScope;
  /** The students whose risk rose, with no case, that the signed-in role may open a case for. */
  flaggable: ReadonlySet<string>;
  showWhole: (list: TodayList) => void;
}

function TodayLists({ data, scope, flaggable, showWhole }: TodayListsProps) {
  const { t } = useTranslation(['today', 'casework', 'common']);
  const { today, followUps, totals, capped, students, interventions } = data;

  if (isEmpty(totals)) {
    return (
      <>
        <p className="empty">{t('casework:followUp.empty')}</p>
        <nav className="today-links" aria-label={t('quickLinks')}>
          <a className="button" href="#/cases">
            {t('common:nav.cases')}
          </a>
          {placesFor(scope, 'screening').length > 0 ? (
            <a className="button" href="#/screening">
              {t('screenClass')}
            </a>
          ) : null}
        </nav>
      </>
    );
  }

  return (
    <>
      {DUE_LISTS.map((list) => (
        <FollowUpSection
          key={list}
          id={`today-${list}`}
          title={t(`casework:followUp.${list}`)}
          items={followUps[list]}
          total={totals[list]}
          capped={capped.has(list)}
          onShowAll={() => showWhole(list)}
          keyOf={itemKey}
          urgent={list === 'overdue'}
          renderItem={(item) => (
            <FollowUpCard
              item={item}
              today={today}
              student={students.get(item.studentId)}
              interventions={interventions}
            />
          )}
        />
      ))}
      <FollowUpSection
        id="today-riskRose"
        title={t('casework:followUp.riskRose')}
        items={followUps.riskRose}
        total={totals.riskRose}
        capped={capped.has('riskRose')}
        onShowAll={() => showWhole('riskRose')}
        keyOf={(rise) => rise.screeningId}
        renderItem={(rise) => (
          <RiskRiseCard rise={rise} student={students.get(rise.studentId)} mayFlag={flaggable.has(rise.studentId)} />
        )}
      />
    </>
  );
}
