import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { vietnamDate } from '../../../domain/time/vietnam-date';
import { availableLocalStorage, createDraftStore } from '../../shared/draft/create-draft-store';
import { prefillUnitCode } from '../../shared/format/prefill-unit-code';
import { fromSubmissionErrors, type ShownFieldError } from '../../shared/validation/to-rjsf-errors';
import type { Dossier, DossierAccepted, ProcessList, RoleGrant } from '../../../api-contract';
import type { ProcessDefinition } from '../../../domain/process/process-definition';
import { useAppServices } from '../app-services';
import { AppLink } from '../components/app-link';
import { BusyIndicator } from '../components/busy-indicator';
import { startableGrants } from '../dossier/startable-grants';
import { appDraftKey } from '../draft/app-draft-key';
import type { LoadedForm } from '../forms/create-form-loader';
import { StepForm } from '../forms/step-form';
import { FiguresSources } from '../figures/figures-sources';
import { prefillFigures } from '../figures/prefill-figures';
import { useStepFigures } from '../figures/use-step-figures';
import { OverlapOverridePrompt } from '../components/overlap-override-prompt';
import type { OverlapItem } from '../../../api-contract';
import { useUnitName } from '../units/use-unit-name';
import { RetiredStartNote } from '../dossier/retired-start-note';
import { PaperReceiptField } from '../components/paper-receipt-field';
import { paperReceiptText } from '../i18n/paper-receipt-text';
import { readPaperReceipt } from '../dossier/read-paper-receipt';

/**
 * What judges whether a unit can start a definition today: the unit directory (its levels and parents) and today's
 * date in Việt Nam. Re-renders when the directory arrives.
 */
function useStartContext() {
  const { units } = useAppServices();
  const version = useSyncExternalStore(units.subscribe, units.version);
  useEffect(() => units.load(), [units]);
  return useMemo(() => ({ unit: (code: string) => units.get(code), today: vietnamDate(new Date()) }), [units, version]);
}

/** A kept paper-receipt draft as the field's value (empty when there is none or it is not one). */
function typedReceipt(kept: unknown): { date: string; time: string } {
  const { date, time } = (kept ?? {}) as { date?: unknown; time?: unknown };
  return { date: typeof date === 'string' ? date : '', time: typeof time === 'string' ? time : '' };
}

/** Programmes the caller can start (their latest published versions), as links to their first step's form. */
function ProcessPicker() {
  const { api, loadDefinition, session, text, lang, navigate } = useAppServices();
  const [definitions, setDefinitions] = useState<ProcessDefinition[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const context = useStartContext();
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const list = await api.get<ProcessList>('/api/processes');
      if (!list.ok) return !cancelled && setError(list.message);
      const loaded = await Promise.all(list.value.items.map((p) => loadDefinition(p.key, p.version)));
      if (!cancelled) setDefinitions(loaded.flatMap((d) => (d.ok ? [d.value] : [])));
    })();
    return () => {
      cancelled = true;
    };
  }, [api, loadDefinition]);
  // Only what the caller's units can start today (judged again once the unit list arrives).
  const startable = definitions?.filter((d) => startableGrants(d, session.user.grants, context).length > 0);

  return (
    <main id="main" className="app-page">
      <h1>{text.pickProcess}</h1>
      {error ? (
        <p className="app-error" role="alert">
          {error}
        </p>
      ) : null}
      <RetiredStartNote grants={session.user.grants} />
      {!startable && !error ? <BusyIndicator label={text.loading} /> : null}
      {startable?.length === 0 ? <p>{text.noProcess}</p> : null}
      <ul className="app-process-list">
        {startable?.map((d) => (
          <li key={d.key} className="app-card">
            <AppLink to={{ name: 'new', processKey: d.key }} navigate={navigate}>
              {d.title[lang]}
            </AppLink>
            {d.description ? <p className="app-muted">{d.description[lang]}</p> : null}
          </li>
        ))}
      </ul>
    </main>
  );
}

/**
 * The first step's form of `processKey` (its latest version), with a draft per user and programme that survives a
 * reload, and "create": the dossier is created in the caller's unit and opened in the workspace, where it is sent
 * on with "submit". The create request carries an Idempotency-Key reused on a retry, so it never makes two dossiers.
 */
function NewDossierForm({ processKey }: { processKey: string }) {
  const { api, loadDefinition, loadForm, session, text, lang, navigate } = useAppServices();
  const unitName = useUnitName();
  const draft = useMemo(
    () => createDraftStore(appDraftKey(session.user.id, `new:${processKey}`, 'start'), availableLocalStorage()),
    [session, processKey],
  );
  // The paper receipt time as typed, kept beside the form's draft: an entry interrupted and taken up again must not
  // start the legal clock at the new entry time.
  const receiptDraft = useMemo(
    () => createDraftStore(appDraftKey(session.user.id, `new:${processKey}`, 'receipt'), availableLocalStorage()),
    [session, processKey],
  );
  const [definition, setDefinition] = useState<ProcessDefinition | undefined>();
  const [grants, setGrants] = useState<RoleGrant[]>([]);
  const [unitCode, setUnitCode] = useState<string | undefined>();
  const [loaded, setLoaded] = useState<LoadedForm | undefined>();
  const [data, setData] = useState<unknown>(() => draft.load());
  const [error, setError] = useState<string | undefined>();
  const [serverErrors, setServerErrors] = useState<ShownFieldError[]>([]);
  const [busy, setBusy] = useState(false);
  /** The optional paper receipt time as typed, and its problem (typed, or the API's 422 at /receivedAt). */
  const [receipt, setReceipt] = useState(() => typedReceipt(receiptDraft.load()));
  const [receiptError, setReceiptError] = useState<string | undefined>();
  const receiptText = paperReceiptText(lang);
  /** A 409 OverlapFound: the overlaps, and the data to send again with the reason. */
  const [overlap, setOverlap] = useState<{ overlaps: OverlapItem[]; data: unknown } | undefined>();
  const startContext = useStartContext();
  // A result report (a first step with `figures`): the figures the records give, prefilled as they arrive.
  const figuresPeriod = definition?.steps.find((s) => s.id === definition.initialStep)?.figures;
  const figures = useStepFigures(figuresPeriod, unitCode);
  useEffect(() => {
    if (figures.status === 'computed')
      setData((current: unknown) => prefillFigures(current, figures.figures, new Date()));
  }, [figures]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const list = await api.get<ProcessList>('/api/processes');
      const summary = list.ok ? list.value.items.find((p) => p.key === processKey) : undefined;
      if (!summary) return !cancelled && setError(list.ok ? text.notFound : list.message);
      const def = await loadDefinition(summary.key, summary.version);
      if (!def.ok) return !cancelled && setError(def.message);
      const first = def.value.steps.find((s) => s.id === def.value.initialStep);
      const form = first?.form ? await loadForm(first.form) : undefined;
      if (cancelled) return;
      if (!form?.ok) return setError(form?.message ?? text.notFound);
      const mine = startableGrants(def.value, session.user.grants, startContext);
      setDefinition(def.value);
      setGrants(mine);
      setUnitCode(mine[0]?.unitCode);
      const unit = mine[0]?.unitCode;
      if (unit) setData((current: unknown) => prefillUnitCode(form.value.form.schema, current, unit));
      setLoaded(form.value);
    })();
    return () => {
      cancelled = true;
    };
  }, [api, loadDefinition, loadForm, processKey, session, text]);

  const create = async (formData: unknown, overrideReason?: string) => {
    if (busy || !definition) return;
    const received = readPaperReceipt(receipt.date, receipt.time, receiptText);
    if ('problem' in received) {
      setReceiptError(received.problem);
      setError(text.fixErrors(1));
      return;
    }
    setBusy(true);
    setError(undefined);
    setServerErrors([]);
    setReceiptError(undefined);
    const body = {
      processKey: definition.key,
      processVersion: definition.version,
      ...(grants.length > 1 && unitCode ? { unitCode } : {}),
      data: formData,
      ...(overrideReason === undefined ? {} : { overlapOverride: { reason: overrideReason } }),
      ...(received.receivedAt ? { receivedAt: received.receivedAt } : {}),
    };
    const result = await api.post<Dossier | DossierAccepted>('/api/dossiers', body, {
      idempotent: true,
    });
    setBusy(false);
    if (result.ok) {
      draft.clear();
      receiptDraft.clear();
      navigate({ name: 'dossier', id: result.value.id }, { notice: text.created(result.value.id) });
      return;
    }
    if (result.code === 'OverlapFound' && result.overlaps) {
      setOverlap({ overlaps: result.overlaps, data: formData });
      return;
    }
    // A reason the server refused keeps the prompt open, with its message below.
    if (!result.fields.some((f) => f.path.startsWith('/overlapOverride'))) setOverlap(undefined);
    // The receipt time's refusal goes under its own field; the rest to the form's fields.
    const receiptRefusal = result.fields.find((f) => f.path === '/receivedAt');
    setReceiptError(receiptRefusal?.message);
    const fields = fromSubmissionErrors(result.fields.filter((f) => f.path !== '/receivedAt'));
    setServerErrors(fields);
    const wrong = fields.length + (receiptRefusal ? 1 : 0);
    setError(
      result.status === 'network'
        ? text.networkError
        : result.status >= 500
          ? text.unavailable
          : wrong > 0
            ? text.fixErrors(wrong)
            : result.message,
    );
  };

  // Judged again at each render: the unit directory may arrive after the form; a unit retired meanwhile gets the
  // reason instead of a form that would be refused at submit.
  const blocked =
    definition !== undefined && startableGrants(definition, session.user.grants, startContext).length === 0;
  return (
    <main id="main" className="app-page" aria-busy={busy}>
      <h1>{definition ? definition.title[lang] : text.newDossier}</h1>
      {blocked ? <RetiredStartNote grants={session.user.grants} /> : null}
      {blocked ? <p>{text.noProcess}</p> : null}
      {grants.length > 1 ? (
        <div className="app-field">
          <label htmlFor="start-unit">{text.startIn}</label>
          <select id="start-unit" value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
            {grants.map((g) => (
              <option key={g.unitCode} value={g.unitCode}>
                {unitName(g.unitCode) === g.unitCode ? g.unitCode : `${unitName(g.unitCode)} (${g.unitCode})`}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {!loaded && !error ? <BusyIndicator label={text.loading} /> : null}
      {loaded && !blocked ? <FiguresSources state={figures} form={loaded.form} lang={lang} /> : null}
      {loaded && !blocked ? (
        <StepForm
          loaded={loaded}
          lang={lang}
          data={data}
          idPrefix="new"
          disabled={busy}
          serverErrors={serverErrors}
          onChange={(next) => {
            setData(next);
            setServerErrors([]);
            setOverlap(undefined);
            draft.save(next);
          }}
          onInvalid={(count) => setError(text.fixErrors(count))}
          onSubmit={(formData) => void create(formData)}
        >
          <PaperReceiptField
            value={receipt}
            error={receiptError}
            disabled={busy}
            text={receiptText}
            onChange={(next) => {
              setReceipt(next);
              setReceiptError(undefined);
              receiptDraft.save(next);
            }}
          />
          <div className="app-actions">
            <button type="submit" className="app-button" data-action="create" disabled={busy}>
              {text.create}
            </button>
          </div>
        </StepForm>
      ) : null}
      {overlap ? (
        <OverlapOverridePrompt
          overlaps={overlap.overlaps}
          lang={lang}
          disabled={busy}
          onCancel={() => setOverlap(undefined)}
          onConfirm={(reason) => void create(overlap.data, reason)}
        />
      ) : null}
      {busy ? <BusyIndicator label={text.working} /> : null}
      {error ? (
        <p className="app-error" role="alert">
          {error}
        </p>
      ) : null}
    </main>
  );
}

export function NewDossierPage({ processKey }: { processKey?: string }) {
  return processKey ? <NewDossierForm processKey={processKey} /> : <ProcessPicker />;
}
