import type { TransitionReport, TransitionReportEntry } from '../../../api-contract';
import { AdminTable } from '../admin/admin-table';
import { useAppServices } from '../app-services';
import { AppLink } from '../components/app-link';
import { formatDateTime } from '../format/format-date-time';
import { UnitName } from '../units/unit-name';
import { ReportChangesView } from './report-changes-view';
import { ProblemList } from './problem-list';
import type { TransitionText } from './transition-text';
import { useDefinitionLookup } from './use-definition-lookup';

type Place = TransitionReportEntry['from'];

/** Where a dossier is or goes: the step by its title, the process by its title and version, the unit by its name. */
function PlaceCell({ place, t, labels }: { place: Place | null; t: TransitionText; labels: Labels }) {
  if (!place) return <>{t.none}</>;
  return (
    <>
      <strong>{place.step ? labels.stepLabel(place, place.step) : t.noStep}</strong>
      {place.unitCode ? (
        <>
          <br />
          <UnitName code={place.unitCode} />
        </>
      ) : null}
      <br />
      <span className="app-muted">{labels.processLabel(place)}</span>
    </>
  );
}

type Labels = ReturnType<typeof useDefinitionLookup>;

/**
 * A dry run's or an execution's report: its counts, then one row per dossier (its code, where it is, the outcome,
 * where it goes, every problem in the page's language), then the processes and the grants it ends and starts. Sections
 * a later API adds to the report are left alone, not a crash.
 */
export function TransitionReportView({ report, t }: { report: TransitionReport; t: TransitionText }) {
  const { navigate } = useAppServices();
  const entries = Array.isArray(report.entries) ? report.entries : [];
  const labels = useDefinitionLookup(
    entries.flatMap((e) => (e.to ? [e.from, e.to] : [e.from])),
    t.versionOf,
  );
  const caption = t.reportTitle(t.kind[report.kind] ?? report.kind, formatDateTime(report.at), report.by);
  return (
    <section className="app-card" aria-label={caption} data-report-kind={report.kind} data-report-id={report.id}>
      <h3>{caption}</h3>
      <p role="status" data-report-counts>
        {t.counts(report.counts)}
      </p>
      {report.counts.failed > 0 ? <p className="app-error">{t.failedCount(report.counts.failed)}</p> : null}
      <AdminTable
        caption={t.kind[report.kind] ?? report.kind}
        columns={[t.dossier, t.where, t.outcome, t.destination, t.problems]}
        empty={entries.length === 0 ? t.noEntries : undefined}
        className="app-transition-report"
      >
        {entries.map((e) => (
          <tr key={e.dossierId} data-dossier-id={e.dossierId} data-action={e.action} data-result={e.result}>
            <td data-label={t.dossier}>
              <AppLink to={{ name: 'dossier', id: e.dossierId }} navigate={navigate}>
                {e.dossierId}
              </AppLink>
            </td>
            <td data-label={t.where}>
              <PlaceCell place={e.from} t={t} labels={labels} />
            </td>
            <td data-label={t.outcome}>
              {t.actions[e.action] ?? e.action}
              {e.result ? (
                <>
                  <br />
                  <strong className={e.result === 'failed' ? 'app-error' : undefined}>
                    {t.results[e.result] ?? e.result}
                  </strong>
                </>
              ) : null}
            </td>
            <td data-label={t.destination}>
              {e.action === 'blocked' ? t.none : <PlaceCell place={e.to} t={t} labels={labels} />}
            </td>
            <td data-label={t.problems}>
              <ProblemList problems={e.problems} t={t} />
            </td>
          </tr>
        ))}
      </AdminTable>
      <ReportChangesView report={report} t={t} />
    </section>
  );
}
