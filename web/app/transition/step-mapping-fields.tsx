import type { PublishedVersionList } from '../../../api-contract';
import { findStep } from '../../../domain/process/find-step';
import { fieldMessage, type ApiFailure } from '../admin/api-problems';
import { useAppServices } from '../app-services';
import type { TransitionText } from './transition-text';
import type { DefinitionLookup, DefinitionRef } from './use-definition-lookup';

type Published = PublishedVersionList['items'][number];

const refValue = (ref: DefinitionRef | undefined) => (ref ? `${ref.processKey}@${ref.processVersion}` : '');
export const parseRef = (value: string): DefinitionRef | undefined => {
  const at = value.lastIndexOf('@');
  return at > 0 ? { processKey: value.slice(0, at), processVersion: Number(value.slice(at + 1)) } : undefined;
};

/** The step of `to` a step of the old definition maps to unless the administrator chose: the step of the same id. */
export const defaultStep = (lookup: DefinitionLookup, to: DefinitionRef | undefined, step: string): string => {
  const target = to && lookup.definition(to);
  return target && findStep(target, step) ? step : '';
};

/**
 * Old process version → new process version, both chosen from the published ones by title, then one select per
 * step of the old version: its equivalent step of the new one by title (by default the step of the same id), or none.
 */
export function StepMappingFields({
  published,
  from,
  to,
  steps,
  lookup,
  onDefinitions,
  onStep,
  failure,
  problem,
  t,
}: {
  published: readonly Published[];
  from: DefinitionRef | undefined;
  to: DefinitionRef | undefined;
  /** Old step id → chosen new step id (absent: the default). */
  steps: Readonly<Record<string, string>>;
  lookup: DefinitionLookup;
  onDefinitions(from: DefinitionRef | undefined, to: DefinitionRef | undefined): void;
  onStep(step: string, target: string): void;
  failure: ApiFailure | undefined;
  /** A problem found before sending (no step mapped). */
  problem?: string;
  t: TransitionText;
}) {
  const { lang } = useAppServices();
  const options = published.map((p) => (
    <option key={`${p.key}@${p.version}`} value={`${p.key}@${p.version}`}>
      {t.versionOf(p.title[lang], p.version)}
    </option>
  ));
  const old = from && lookup.definition(from);
  const target = to && lookup.definition(to);
  const error = problem ?? fieldMessage(failure, '/definitionMapping');
  return (
    <fieldset className="app-fieldset" data-step-mapping>
      <legend>{t.definitionMapping}</legend>
      <div className="app-field">
        <label htmlFor="transition-from-definition">{t.oldDefinition}</label>
        <select
          id="transition-from-definition"
          value={refValue(from)}
          onChange={(e) => onDefinitions(parseRef(e.target.value), to)}
        >
          <option value="">{t.chooseDefinition}</option>
          {options}
        </select>
      </div>
      <div className="app-field">
        <label htmlFor="transition-to-definition">{t.newDefinition}</label>
        <select
          id="transition-to-definition"
          value={refValue(to)}
          onChange={(e) => onDefinitions(from, parseRef(e.target.value))}
        >
          <option value="">{t.chooseDefinition}</option>
          {options}
        </select>
      </div>
      {!old || !target || !to ? <p className="app-muted">{t.chooseBoth}</p> : null}
      {old && target && to
        ? old.steps.map((s) => {
            const id = `transition-step-${s.id}`;
            return (
              <div className="app-field" key={s.id} data-from-step={s.id}>
                <label htmlFor={id}>{`${s.title[lang]} → ${t.newStep}`}</label>
                <select
                  id={id}
                  value={steps[s.id] ?? defaultStep(lookup, to, s.id)}
                  onChange={(e) => onStep(s.id, e.target.value)}
                >
                  <option value="">{t.noEquivalent}</option>
                  {target.steps.map((n) => (
                    <option key={n.id} value={n.id}>
                      {n.title[lang]}
                    </option>
                  ))}
                </select>
              </div>
            );
          })
        : null}
      {error ? (
        <p className="app-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
