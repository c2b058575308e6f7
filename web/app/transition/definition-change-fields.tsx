import type { PublishedVersionList } from '../../../api-contract';
import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import { AdminField } from '../admin/admin-field';
import { fieldMessage, type ApiFailure } from '../admin/api-problems';
import { DmyDateInput } from '../admin/dmy-date-input';
import { useAppServices } from '../app-services';
import { dayBefore } from './plan-changes';
import { RemoveRowButton } from './remove-row-button';
import type { TransitionText } from './transition-text';

type Published = PublishedVersionList['items'][number];

/** A process version that ends (`key@version`) and its last day as typed (dd/mm/yyyy); one that starts. */
export interface DefinitionEndRow {
  ref: string;
  lastDay: string;
}

/**
 * "Quy trình kết thúc / bắt đầu": published process versions, chosen by title and version, that end on a last day
 * (typed dd/mm/yyyy, by default the day before the reform date) and that start on the reform date. Only a national
 * administrator may change the dates a process is offered on (the API's rule); for others the section says so and
 * offers nothing. Errors of the API are shown at their rows (`/definitionsEnd/<i>/…`).
 */
export function DefinitionChangeFields({
  national,
  published,
  reformDate,
  ends,
  starts,
  onEnds,
  onStarts,
  dateProblems,
  refProblems,
  failure,
  t,
}: {
  national: boolean;
  published: readonly Published[];
  /** The reform date (YYYY-MM-DD), `''` until one is typed. */
  reformDate: string;
  ends: readonly DefinitionEndRow[];
  starts: readonly string[];
  onEnds(rows: DefinitionEndRow[]): void;
  onStarts(rows: string[]): void;
  /** A last day that holds no date, by row, found before sending. */
  dateProblems: Readonly<Record<number, string>>;
  /** Rows left without a process, by index: "Cần nhập" at the row's choice. */
  refProblems: { ends: Readonly<Record<number, string>>; starts: Readonly<Record<number, string>> };
  failure: ApiFailure | undefined;
  t: TransitionText;
}) {
  const { lang } = useAppServices();
  if (!national) {
    return (
      <fieldset className="app-fieldset" data-definition-changes="national-only">
        <legend>{t.definitionChanges}</legend>
        <p className="app-muted">{t.definitionChangesNational}</p>
      </fieldset>
    );
  }
  const options = published.map((p) => (
    <option key={`${p.key}@${p.version}`} value={`${p.key}@${p.version}`}>
      {t.versionOf(p.title[lang], p.version)}
    </option>
  ));
  const pick = (id: string, label: string, value: string, error: string | undefined, set: (v: string) => void) => (
    <AdminField
      id={id}
      label={label}
      error={error}
      control={(a) => (
        <select {...a} value={value} onChange={(e) => set(e.target.value)}>
          <option value="">{t.chooseDefinition}</option>
          {options}
        </select>
      )}
    />
  );
  const refError = (at: string) =>
    fieldMessage(failure, `${at}/processKey`) ?? fieldMessage(failure, `${at}/processVersion`);
  return (
    <fieldset className="app-fieldset" data-definition-changes>
      <legend>{t.definitionChanges}</legend>
      <p className="app-muted">{t.definitionChangesHint}</p>
      <h3>{t.definitionsEnd}</h3>
      {ends.map((row, i) => (
        <div className="app-row-fields" key={i} data-definition-end={i}>
          {pick(
            `transition-end-${i}`,
            t.endingDefinition(i + 1),
            row.ref,
            refProblems.ends[i] ?? refError(`/definitionsEnd/${i}`),
            (ref) => onEnds(ends.map((r, j) => (j === i ? { ...r, ref } : r))),
          )}
          <DmyDateInput
            id={`transition-end-${i}-day`}
            label={t.lastDay}
            error={dateProblems[i] ?? fieldMessage(failure, `/definitionsEnd/${i}/lastDay`)}
            value={row.lastDay}
            lang={lang}
            onChange={(lastDay) => onEnds(ends.map((r, j) => (j === i ? { ...r, lastDay } : r)))}
          />
          <RemoveRowButton
            label={t.removeRow(t.endingDefinition(i + 1))}
            text={t.remove}
            onRemove={() => onEnds(ends.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <div className="app-actions">
        <button
          type="button"
          className="app-button app-button-secondary"
          onClick={() =>
            onEnds([...ends, { ref: '', lastDay: formatDmyDate(reformDate && dayBefore(reformDate)) ?? '' }])
          }
        >
          {t.addEnd}
        </button>
      </div>
      <h3>{t.definitionsStart}</h3>
      {reformDate ? <p className="app-muted">{t.firstDayIsReform(reformDate)}</p> : null}
      {starts.map((ref, i) => (
        <div className="app-row-fields" key={i} data-definition-start={i}>
          {pick(
            `transition-start-${i}`,
            t.startingDefinition(i + 1),
            ref,
            refProblems.starts[i] ?? refError(`/definitionsStart/${i}`),
            (r) => onStarts(starts.map((x, j) => (j === i ? r : x))),
          )}
          <RemoveRowButton
            label={t.removeRow(t.startingDefinition(i + 1))}
            text={t.remove}
            onRemove={() => onStarts(starts.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <div className="app-actions">
        <button type="button" className="app-button app-button-secondary" onClick={() => onStarts([...starts, ''])}>
          {t.addStart}
        </button>
      </div>
    </fieldset>
  );
}
