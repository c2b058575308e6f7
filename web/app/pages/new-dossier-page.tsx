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
import { OverlapOverridePrompt } from '../components/overlap-override-prompt';
import type { OverlapItem } from '../../../api-contract';
import { useUnitName } from '../units/use-unit-name';

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
  const [definition, setDefinition] = useState<ProcessDefinition | undefined>();
  const [grants, setGrants] = useState<RoleGrant[]>([]);
  const [unitCode, setUnitCode] = useState<string | undefined>();
  const [loaded, setLoaded] = useState<LoadedForm | undefined>();
  const [data, setData] = useState<unknown>(() => draft.load());
  const [error, setError] = useState<string | undefined>();
  const [serverErrors, setServerErrors] = useState<ShownFieldError[]>([]);
  const [busy, setBusy] = useState(false);
  /** A 409 OverlapFound: the overlaps, and the data to send again with the reason. */
  const [overlap, setOverlap] = useState<{ overlaps: OverlapItem[]; data: unknown } | undefined>();
  const startContext = useStartContext();

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
    setBusy(true);
    setError(undefined);
    setServerErrors([]);
    const body = {
      processKey: definition.key,
      processVersion: definition.version,
      ...(grants.length > 1 && unitCode ? { unitCode } : {}),
      data: formData,
      ...(overrideReason === undefined ? {} : { overlapOverride: { reason: overrideReason } }),
    };
    const result = await api.post<Dossier | DossierAccepted>('/api/dossiers', body, {
      idempotent: true,
    });
    setBusy(false);
    if (result.ok) {
      draft.clear();
      navigate({ name: 'dossier', id: result.value.id }, { notice: text.created(result.value.id) });
      return;
    }
    if (result.code === 'OverlapFound' && result.overlaps) {
      setOverlap({ overlaps: result.overlaps, data: formData });
      return;
    }
    // A reason the server refused keeps the prompt open, with its message below.
    if (!result.fields.some((f) => f.path.startsWith('/overlapOverride'))) setOverlap(undefined);
    const fields = fromSubmissionErrors(result.fields);
    setServerErrors(fields);
    setError(
      result.status === 'network'
        ? text.networkError
        : result.status >= 500
          ? text.unavailable
          : fields.length > 0
            ? text.fixErrors(fields.length)
            : result.message,
    );
  };

  return (
    <main id="main" className="app-page" aria-busy={busy}>
      <h1>{definition ? definition.title[lang] : text.newDossier}</h1>
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
      {loaded ? (
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
