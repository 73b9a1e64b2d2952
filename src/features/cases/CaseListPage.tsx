import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NO_CASE_FILTER, type CaseListFilter, type CaseSort } from '../../domain/caseListFilter.ts';
import { TextField } from '../../ui/TextField.tsx';
import { CaseCard } from './CaseCard.tsx';
import { CaseFilters } from './CaseFilters.tsx';
import { DashboardLink } from './DashboardLink.tsx';
import './cases.css';
import { useCaseList } from './useCaseList.ts';
import { CatchingUpNotice } from '../sync/CatchingUpNotice.tsx';
import { usePlaces } from '../account/useWriteRights.ts';
import { CaseListExport } from '../exports/CaseListExport.tsx';
import { exportedSchool } from '../exports/loadCaseListExport.ts';

/**
 * Rows rendered at first and per "Show more": about four screens of a phone.
 * Fewer cards means less to redraw on each keystroke (docs/benchmarks.md).
 */
export const CASE_PAGE_SIZE = 25;

export function CaseListPage() {
  const { t } = useTranslation(['cases', 'casework']);
  const [filter, setFilter] = useState<CaseListFilter>(NO_CASE_FILTER);
  const [sort, setSort] = useState<CaseSort>('due');
  const [limit, setLimit] = useState(CASE_PAGE_SIZE);
  const list = useCaseList(filter, sort, CASE_PAGE_SIZE);
  const screeningPlaces = usePlaces('screening');
  const visible = list.rows.slice(0, limit);
  const markedReady = useRef(false);

  useEffect(() => {
    // The benchmark measures the time to the first rows on screen; once per visit of the list.
    if (markedReady.current || visible.length === 0) return;
    markedReady.current = true;
    if (typeof performance.mark === 'function') performance.mark('case-list:ready');
  }, [visible.length]);

  function changeFilter(change: Partial<CaseListFilter>): void {
    setFilter((current) => ({ ...current, ...change }));
    setLimit(CASE_PAGE_SIZE);
  }
  function changeSort(next: CaseSort): void {
    setSort(next);
    setLimit(CASE_PAGE_SIZE);
  }

  const hasCases = !list.isLoading && list.total > 0;
  return (
    <section className="page" aria-labelledby="cases-title">
      <h1 id="cases-title">{t('title')}</h1>
      <CatchingUpNotice />
      <DashboardLink />
      <TextField
        label={t('list.search')}
        hint={t('list.searchHint')}
        type="search"
        value={filter.query}
        onValueChange={(query) => changeFilter({ query })}
        autoComplete="off"
        enterKeyHint="search"
      />
      {hasCases ? (
        <CaseFilters
          filter={filter}
          sort={sort}
          schoolIds={list.caseSchoolIds}
          schools={list.schools}
          onFilterChange={changeFilter}
          onSortChange={changeSort}
        />
      ) : null}
      {list.isLoading ? <p role="status">{t('list.loading')}</p> : null}
      {!list.isLoading && list.total === 0 && screeningPlaces !== undefined ? (
        <div className="empty case-empty">
          <h2>{t('list.emptyTitle')}</h2>
          <p>{t('list.emptyText')}</p>
          <p className="case-links">
            <a className="button" href="#/students">
              {t('list.toStudents')}
            </a>
            {screeningPlaces.length > 0 ? (
              <a className="button" href="#/screening">
                {t('list.toScreening')}
              </a>
            ) : null}
          </p>
        </div>
      ) : null}
      {hasCases ? (
        <p className="list-count" aria-live="polite">
          {t('list.count', { count: list.matching })}
          {visible.length < list.matching
            ? ` · ${t('list.shown', { shown: visible.length, total: list.matching })}`
            : null}
        </p>
      ) : null}
      {hasCases && list.matching > 0 ? (
        <CaseListExport
          rows={list.rows}
          schools={list.schools}
          schoolId={exportedSchool(filter)}
          ready={!list.isLoading && !list.isUpdating}
        />
      ) : null}
      {hasCases && list.matching === 0 ? (
        <div className="empty">
          <p>{t('list.noMatches')}</p>
          <button type="button" onClick={() => changeFilter(NO_CASE_FILTER)}>
            {t('list.clearFilters')}
          </button>
        </div>
      ) : null}
      <ul className="card-list" data-testid="case-list" aria-busy={list.isLoading || list.isUpdating}>
        {visible.map((row) => (
          <CaseCard key={row.caseId} row={row} school={list.schools.get(row.schoolId)} today={list.today} />
        ))}
      </ul>
      {visible.length < list.matching ? (
        <button type="button" className="case-more" onClick={() => setLimit((current) => current + CASE_PAGE_SIZE)}>
          {t('list.showMore')}
        </button>
      ) : null}
    </section>
  );
}
