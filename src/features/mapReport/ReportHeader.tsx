import { useTranslation } from 'react-i18next';
import { displayName, type Language } from '../../domain/localizedName.ts';
import type { MapReport } from '../../domain/map/mapReport.ts';
import { formatDateTime, formatIsoDate } from '../../i18n/formatDate.ts';
import type { MunicipalityRecord } from '../../storage/UraDatabase.ts';
import type { ReportFormat } from './reportFormat.ts';

/**
 * The report's first lines: whose plan, which, for what period, whether it is
 * a municipal act yet, the day progress is reported to, and where the
 * automatic indicators' values come from and when they were computed.
 */
export function ReportHeader({
  report,
  municipality,
  computedAt,
  language,
  format,
}: {
  report: MapReport;
  municipality: MunicipalityRecord | undefined;
  /** Epoch ms the municipality's figures were computed; null without figures. */
  computedAt: number | null;
  language: Language;
  format: ReportFormat;
}) {
  const { t } = useTranslation('mapReport');
  const { plan } = report;
  const date = (iso: string) => formatIsoDate(iso, language, 'long');
  const activities = report.goals.reduce((sum, goal) => sum + goal.activities.length, 0);
  const adopted = plan.status === 'adopted' && plan.adoptedOn !== null;
  return (
    <header className="map-report-header">
      <p className="map-report-municipality">
        {municipality
          ? t('municipality', { name: displayName(municipality.name, language) })
          : t('unknownMunicipality')}
      </p>
      <h1 id="map-report-title">{t('heading')}</h1>
      <p className="map-report-plan-title">{plan.title}</p>
      <dl className="map-report-facts" aria-label={t('facts.title')}>
        <dt>{t('facts.period')}</dt>
        <dd>{t('facts.periodValue', { start: date(plan.periodStart), end: date(plan.periodEnd) })}</dd>
        <dt>{t('facts.status')}</dt>
        <dd data-testid="map-report-status">
          {adopted
            ? t('facts.adopted', { reference: plan.actReference, date: date(plan.adoptedOn ?? '') })
            : t('facts.draft')}
        </dd>
        <dt>{t('facts.asOf')}</dt>
        <dd>{date(report.asOf)}</dd>
        <dt>{t('facts.figures')}</dt>
        <dd>
          {computedAt === null
            ? t('facts.figuresNone')
            : t('facts.figuresComputed', { date: formatDateTime(computedAt, language) })}
        </dd>
        <dt>{t('facts.content')}</dt>
        <dd>
          {t('facts.contentValue', {
            goals: t('goals', { count: report.goals.length }),
            activities: t('activities', { count: activities }),
          })}
        </dd>
        <dt>{t('facts.budget')}</dt>
        <dd data-testid="map-report-budget">
          {report.budget === null ? t('facts.noBudget') : format.money(report.budget)}
          {report.unbudgeted > 0 ? ` (${t('unbudgeted', { count: report.unbudgeted })})` : null}
        </dd>
      </dl>
    </header>
  );
}
