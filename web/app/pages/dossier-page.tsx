import { useCallback, useEffect, useState } from 'react';
import type { DecisionResult, Dossier } from '../../../api-contract';
import type { ProcessDefinition } from '../../../domain/process/process-definition';
import { useAppServices } from '../app-services';
import { AppLink } from '../components/app-link';
import { BusyIndicator } from '../components/busy-indicator';
import { ControlSlipSection } from '../components/control-slip-section';
import { DecisionPanel } from '../components/decision-panel';
import { DossierSummary } from '../components/dossier-summary';
import { DossierTimeline } from '../components/dossier-timeline';
import { DecisionOutcome } from '../components/decision-outcome';
import { EarlierStepView } from '../components/earlier-step-view';
import { OverlapFlag } from '../components/overlap-flag';
import { SignOffSection } from '../components/sign-off-section';
import { allowedActions } from '../dossier/allowed-actions';
import { signedByMe } from '../dossier/signed-by-me';
import { earlierSteps } from '../dossier/earlier-steps';
import { earlierDefinitionRefs } from '../../../domain/process/recorded-definitions';
import type { LoadedForm } from '../forms/create-form-loader';
import { enumLabel } from '../forms/enum-label';
import { LoanSection } from '../loans/loan-section';

/** The programme whose completed dossiers are disbursed loans with a ledger (credit-access-*). */
const LOAN_PROGRAMME = 'credit_access';

/**
 * The dossier workspace: summary, the current step's form with the caller's actions, earlier steps read-only with
 * their form versions, and the timeline. After a decision the dossier is loaded again from the API.
 */
export function DossierPage({ id, notice }: { id: string; notice?: string }) {
  const { api, loadDefinition, loadForm, text, lang, session, navigate } = useAppServices();
  const [dossier, setDossier] = useState<Dossier | undefined>();
  const [definition, setDefinition] = useState<ProcessDefinition | undefined>();
  /** The definitions a transition plan moved the dossier off: its earlier steps are named by them. */
  const [earlierDefinitions, setEarlierDefinitions] = useState<ProcessDefinition[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | undefined>(notice);
  const [decided, setDecided] = useState<DecisionResult | undefined>();

  const [summaryForms, setSummaryForms] = useState<Record<string, LoadedForm>>({});

  const load = useCallback(async () => {
    const result = await api.get<Dossier>(`/api/dossiers/${encodeURIComponent(id)}`);
    if (!result.ok) return setError(result.status === 'network' ? text.networkError : result.message);
    const def = await loadDefinition(result.value.processKey, result.value.processVersion);
    if (!def.ok) return setError(def.message);
    const earlier = await Promise.all(
      earlierDefinitionRefs(result.value.history, result.value).map((r) =>
        loadDefinition(r.processKey, r.processVersion),
      ),
    );
    setError(undefined);
    setDefinition(def.value);
    setEarlierDefinitions(earlier.flatMap((d) => (d.ok ? [d.value] : [])));
    setDossier(result.value);
    // The forms the summary values come from, to name their options (`near_poor` → "Hộ cận nghèo").
    for (const step of def.value.steps) {
      const ref = result.value.submissions[step.id]?.form;
      if (!step.summary || !ref) continue;
      void loadForm(ref).then((f) => f.ok && setSummaryForms((old) => ({ ...old, [step.id]: f.value })));
    }
  }, [api, id, loadDefinition, loadForm, text]);

  useEffect(() => {
    setDossier(undefined);
    setDecided(undefined);
    void load();
  }, [load]);

  if (error) {
    return (
      <main id="main" className="app-page">
        <p className="app-error" role="alert">
          {error}
        </p>
        <AppLink to={{ name: 'inbox' }} navigate={navigate}>
          {text.backToInbox}
        </AppLink>
      </main>
    );
  }
  if (!dossier || !definition) {
    return (
      <main id="main" className="app-page">
        <BusyIndicator label={text.loading} />
      </main>
    );
  }

  const actions = allowedActions(definition, dossier, session.user.grants);
  const describe = (name: string, value: string | number | boolean) => {
    for (const step of definition.steps) {
      const pointer = step.summary?.[name];
      const form = summaryForms[step.id];
      if (pointer && form) return enumLabel(form.form, pointer, value, lang);
    }
    return String(value);
  };
  const editable = actions.length > 0;
  const earlier = earlierSteps(dossier, definition, earlierDefinitions).filter(
    (s) => !(editable && s.id === dossier.currentStep?.id),
  );

  return (
    <main id="main" className="app-page app-workspace" data-dossier-id={dossier.id} data-status={dossier.status}>
      <h1>
        {text.dossierCode} {dossier.id}
      </h1>
      {message ? (
        <p className="app-notice" role="status">
          {message}
        </p>
      ) : null}
      {decided ? <DecisionOutcome result={decided} definition={definition} text={text} lang={lang} /> : null}
      <div className="app-workspace-grid">
        <div className="app-workspace-main">
          <DossierSummary dossier={dossier} text={text} lang={lang} describe={describe} />
          <OverlapFlag dossier={dossier} lang={lang} roleName={(role) => text.roles[role] ?? role} />
          {dossier.currentStep === null ? (
            <p className="app-notice">
              {text.closed}: {text.statuses[dossier.status]}
            </p>
          ) : null}
          <SignOffSection dossier={dossier} text={text} lang={lang} mine={signedByMe(dossier, session.user.grants)} />
          {dossier.currentStep && !editable ? <p className="app-notice">{text.notYours}</p> : null}
          {definition.programme === LOAN_PROGRAMME && dossier.outcome === 'completed' ? (
            <LoanSection key={dossier.id} dossier={dossier} />
          ) : null}
          {editable ? (
            <DecisionPanel
              key={`${dossier.id}:${dossier.currentStep!.id}:${dossier.seq}`}
              dossier={dossier}
              actions={actions}
              onDecided={(_action, result) => {
                setMessage(undefined);
                setDecided(result);
                void load();
              }}
            />
          ) : null}
          {earlier.length > 0 ? (
            <section aria-labelledby="earlier-heading">
              <h2 id="earlier-heading">{text.earlierSteps}</h2>
              {earlier.map((s) => (
                <EarlierStepView
                  key={dossier.submissions[s.id]!.id}
                  dossierId={dossier.id}
                  fundUnit={dossier.receivingUnit}
                  submissionId={dossier.submissions[s.id]!.id}
                  title={s.title[lang]}
                  people={dossier.people}
                />
              ))}
            </section>
          ) : null}
          <ControlSlipSection dossierId={dossier.id} seq={dossier.seq} />
        </div>
        <section className="app-card app-workspace-side" aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">{text.timeline}</h2>
          <DossierTimeline
            history={dossier.history}
            definition={definition}
            earlierDefinitions={earlierDefinitions}
            people={dossier.people}
            text={text}
            lang={lang}
          />
        </section>
      </div>
    </main>
  );
}
