import type { FormDefinition } from '../../../forms/form-definition';
import { fieldLabel } from '../../../forms/field-label';
import { formatVnd } from '../../../domain/funds/format-vnd';
import { PREFILLED_FIELDS } from '../../../domain/reports/campaign-figures';
import { civilDate } from '../../../domain/time/civil-date';
import type { Lang } from '../../shared/i18n/lang';
import { BusyIndicator } from '../components/busy-indicator';
import { figuresText } from './figures-text';
import type { StepFiguresState } from './use-step-figures';

const MONEY = new Set<string>(['raisedAmount', 'spentAmount']);

/**
 * Beside a result report being filled: each figure the records give, with where it comes from ("Theo sổ quỹ: 5
 * phiếu thu") and the basis it is counted on, so that the officer can check before reporting a different one.
 */
export function FiguresSources({ state, form, lang }: { state: StepFiguresState; form: FormDefinition; lang: Lang }) {
  const t = figuresText(lang);
  if (state.status === 'none') return null;
  if (state.status === 'computing') return <BusyIndicator label={t.computing} />;
  if (state.status === 'failed') {
    return (
      <p className="app-notice" role="status">
        {t.failed(state.message)}
      </p>
    );
  }
  const { figures } = state;
  const notes = [...new Set(PREFILLED_FIELDS.flatMap((f) => figures.fields[f].source.note?.[lang] ?? []))];
  return (
    <section className="app-card" aria-labelledby="figures-heading" data-testid="figures-sources">
      <h2 id="figures-heading">{t.heading}</h2>
      <p>{t.intro(civilDate(figures.from), civilDate(figures.to))}</p>
      <div className="sla-table-wrap">
        <table className="app-table">
          <thead>
            <tr>
              <th scope="col">{t.field}</th>
              <th scope="col">{t.value}</th>
              <th scope="col">{t.source}</th>
            </tr>
          </thead>
          <tbody>
            {PREFILLED_FIELDS.map((field) => {
              const figure = figures.fields[field];
              return (
                <tr key={field} data-field={field}>
                  <th scope="row">{fieldLabel(form, `/${field}`)[lang]}</th>
                  <td data-label={t.value}>
                    {MONEY.has(field)
                      ? formatVnd(figure.value, lang)
                      : figure.value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}
                  </td>
                  <td data-label={t.source}>{figure.source.label[lang]}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {figures.housesUnsplit.value > 0 ? <p>{t.unsplit(figures.housesUnsplit.value)}</p> : null}
      {notes.map((note) => (
        <p key={note} className="app-muted">
          {note}
        </p>
      ))}
    </section>
  );
}
