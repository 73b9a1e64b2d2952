import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../domain/dueDates.ts';
import { isLanguage, type Language } from '../../domain/localizedName.ts';
import { buildMapReport } from '../../domain/map/mapReport.ts';
import { formatIsoDate } from '../../i18n/formatDate.ts';
import { useDeviceAccount } from '../account/useDeviceAccount.ts';
import './mapReport.css';
import { ReportGoalSection } from './ReportGoalSection.tsx';
import { currencyOf, reportFormat } from './reportFormat.ts';
import { ReportHeader } from './ReportHeader.tsx';
import { useMapReportData } from './useMapReportData.ts';
import { usePrintMapReport } from './usePrintMapReport.ts';
import { useReportFigures } from './useReportFigures.ts';

/**
 * A plan's printable progress report (F21; docs/mapReport.md): what a
 * coordinator prints for the municipal assembly, the ministry, UNICEF and
 * donors, in the reader's language, from what this device holds — so it
 * prints offline. The print stylesheet (mapReport.css) leaves only the
 * report on A4 paper; every print is recorded for the audit trail.
 */
export function MapReportPage({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation('mapReport');
  const data = useMapReportData(planId);
  const municipalityId = data?.contents.plan.municipalityId;
  const shown = useReportFigures(municipalityId ?? null);
  const account = useDeviceAccount();
  const { print, failed } = usePrintMapReport(municipalityId);
  const today = localIsoDate(new Date());
  const figures = shown?.figures;
  const report = useMemo(
    () => (data ? buildMapReport(data.contents, figures, today) : undefined),
    [data, figures, today],
  );

  if (data === undefined) return <p role="status">{t('loading')}</p>;
  if (data === null || report === undefined) {
    return (
      <section className="page" aria-labelledby="map-report-title">
        <h1 id="map-report-title">{t('title')}</h1>
        <p>{t('notFound')}</p>
        <a className="button" href="#/map">
          {t('toPlans')}
        </a>
      </section>
    );
  }

  const language: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  const format = reportFormat(language, currencyOf(data.municipality?.country ?? 'XK'));
  const printedOn = formatIsoDate(today, language, 'long');
  const printer = account?.user.displayName;
  return (
    <article className="page map-report" aria-labelledby="map-report-title" data-testid="map-report">
      <div className="map-report-actions no-print">
        <a className="button" href={`#/map/${planId}`}>
          {t('toPlan')}
        </a>
        <button type="button" className="button button-primary" onClick={() => void print()}>
          {t('print')}
        </button>
        <p className="field-hint">{t('printHint')}</p>
        {failed ? (
          <p role="alert" className="field-error">
            {t('printFailed')}
          </p>
        ) : null}
      </div>
      <ReportHeader
        report={report}
        municipality={data.municipality}
        computedAt={shown?.computedAt ?? null}
        language={language}
        format={format}
      />
      {report.goals.length === 0 ? <p>{t('noGoals')}</p> : null}
      {report.goals.map((goal) => (
        <ReportGoalSection
          key={goal.goal.id}
          goal={goal}
          quarters={report.quarters}
          language={language}
          format={format}
        />
      ))}
      <footer className="map-report-footer">
        {printer ? t('printedBy', { date: printedOn, name: printer }) : t('printedOn', { date: printedOn })}
      </footer>
    </article>
  );
}
