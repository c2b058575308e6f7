import type { Dossier } from '../../../api-contract';
import type { AppText } from '../i18n/app-text';
import type { Lang } from '../../shared/i18n/lang';
import { formatDateTime } from '../format/format-date-time';
import { formatVnd } from '../../../domain/funds/format-vnd';
import { UnitName } from '../units/unit-name';
import { TimelinessBadge } from './timeliness-badge';
import { dueText } from '../format/due-text';

export interface DossierSummaryProps {
  dossier: Dossier;
  text: AppText;
  lang: Lang;
  /** How to show a summary value (option codes such as `near_poor` as the form names them). */
  describe(name: string, value: string | number | boolean): string;
}

/** The applicant and household summary (from the step summaries of the definition) and where the dossier stands. */
export function DossierSummary({ dossier, text, lang, describe }: DossierSummaryProps) {
  const a = dossier.applicant;
  const shown = (name: string) => {
    const value = a[name];
    return value === undefined || value === null || value === '' ? '—' : describe(name, value);
  };
  const amount = dossier.facts.approvedAmount ?? dossier.facts.requestedAmount;
  const rows: [string, React.ReactNode][] = [
    [text.household, shown('headName')],
    [text.village, shown('village')],
    [text.povertyStatus, shown('povertyStatus')],
    [text.supportType, shown('supportType')],
    [text.process, `${dossier.processTitle[lang]} (v${dossier.processVersion})`],
    [text.status, text.statuses[dossier.status]],
    [text.receivingUnit, <UnitName code={dossier.receivingUnit} withCode />],
    [text.openedAt, formatDateTime(dossier.openedAt)],
  ];
  if (typeof amount === 'number') rows.push([text.amount, formatVnd(amount, lang)]);
  if (dossier.currentStep) {
    rows.push([text.currentStep, dossier.currentStep.title[lang]]);
    rows.push([
      text.unit,
      dossier.currentStep.processingUnit ? <UnitName code={dossier.currentStep.processingUnit} withCode /> : '—',
    ]);
    rows.push([text.dueDate, dueText({ status: dossier.status, dueAt: dossier.currentStep.dueAt }, text)]);
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
