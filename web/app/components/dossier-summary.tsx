import type { Dossier } from '../api/app-api-types';
import type { AppText } from '../i18n/app-text';
import type { Lang } from '../../shared/i18n/lang';
import { formatDateTime } from '../format/format-date-time';
import { formatVnd } from '../format/format-vnd';
import { TimelinessBadge } from './timeliness-badge';

/** The applicant and household summary (from the step summaries of the definition) and where the dossier stands. */
export function DossierSummary({ dossier, text, lang }: { dossier: Dossier; text: AppText; lang: Lang }) {
  const a = dossier.applicant;
  const amount = dossier.facts.approvedAmount ?? dossier.facts.requestedAmount;
  const rows: [string, React.ReactNode][] = [
    [text.household, a.headName ? String(a.headName) : '—'],
    [text.village, a.village ? String(a.village) : '—'],
    [text.povertyStatus, a.povertyStatus ? String(a.povertyStatus) : '—'],
    [text.supportType, a.supportType ? String(a.supportType) : '—'],
    [text.process, `${dossier.processTitle[lang]} (v${dossier.processVersion})`],
    [text.status, text.statuses[dossier.status]],
    [text.receivingUnit, dossier.receivingUnit],
    [text.openedAt, formatDateTime(dossier.openedAt)],
  ];
  if (typeof amount === 'number') rows.push([lang === 'vi' ? 'Số tiền' : 'Amount', formatVnd(amount, lang)]);
  if (dossier.currentStep) {
    rows.push([text.currentStep, dossier.currentStep.title[lang]]);
    rows.push([text.unit, dossier.currentStep.processingUnit ?? '—']);
    rows.push([text.dueDate, formatDateTime(dossier.currentStep.dueAt)]);
  }
  return (
    <section className="app-card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">
        {text.summary} <TimelinessBadge value={dossier.timeliness} text={text} />
      </h2>
      <dl className="app-summary">
        {rows.map(([label, value]) => (
          <div key={label} className="app-summary-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
