import type { IChangeEvent } from '@rjsf/core';
import Form from '@rjsf/core/lib/components/Form.js';
import type { ErrorSchema, RJSFValidationError } from '@rjsf/utils';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PrecompiledFormValidator } from '../../../forms/standalone/create-precompiled-validator';
import { createFormWidgets } from '../../shared/widgets/create-form-widgets';
import type { WidgetFormContext } from '../../shared/widgets/widget-form-context';
import { createEmbedApiClient, type LoadFormResult } from '../api/create-embed-api-client';
import { createAddButton } from '../../shared/components/create-add-button';
import { NaturalTitleField } from '../../shared/components/natural-title-field';
import type { EmbedFormResponse, EmbedReceipt } from '../api/embed-api-types';
import { availableLocalStorage, createDraftStore } from '../../shared/draft/create-draft-store';
import { embedDraftKey } from '../draft/embed-draft-key';
import { formatDate } from '../../shared/format/format-date';
import { prefillUnitCode } from '../../shared/format/prefill-unit-code';
import type { Lang } from '../../shared/i18n/lang';
import { localizeForm } from '../../shared/i18n/localize-form';
import { uiText } from '../i18n/ui-text';
import { stringTranslator } from '../../shared/i18n/vi-string-translator';
import { createRjsfValidator } from '../../shared/validation/create-rjsf-validator';
import { loadPrecompiledValidator } from '../../shared/validation/load-precompiled-validator';
import { withoutErrorsIn } from '../../../forms/field-audience';
import { fromSubmissionErrors, toRjsfErrors } from '../../shared/validation/to-rjsf-errors';

/**
 * What the page around the form (the iframe page, the custom element) is told; each turns it into messages or events.
 */
export interface EmbedEvents {
  /** The form is on screen (and the token's origins are known). */
  onReady?(loaded: EmbedFormResponse): void;
  onSubmitted?(receipt: EmbedReceipt): void;
  /** Field pointers into the data (`/household/citizenId`), from the browser's check or the server's 422. */
  onValidationFailed?(fields: string[], origin: 'browser' | 'server'): void;
  onError?(code: string, message: string): void;
}

export interface EmbeddedFormProps {
  /** Scheme, host and port of the API (the iframe page's own origin, or the `<ho-so-form>` script's). */
  apiOrigin: string;
  token: string;
  lang: Lang;
  events?: EmbedEvents;
  /**
   * The form's data when the page already has it (a result: the form renders in the first pass, with no loading
   * state) or has already asked for it (a promise); otherwise it is fetched.
   */
  preloaded?: LoadFormResult | Promise<LoadFormResult>;
}

type Phase =
  | { name: 'loading' }
  | { name: 'refused'; message: string }
  | { name: 'form'; loaded: EmbedFormResponse }
  | { name: 'receipt'; loaded: EmbedFormResponse; receipt: EmbedReceipt };

const warn = (message: string) => console.warn(message);
const templates = {
  ButtonTemplates: { AddButton: createAddButton('hoso-button hoso-button-secondary hoso-add') },
  // An array item's heading reads "Thành viên 1", not "Thành viên-1" (the officer app's title field, shared).
  TitleFieldTemplate: NaturalTitleField,
};
/** The project's widgets (amounts, dates, units, attachments); attachments say they are not taken in an embed. */
const widgets = createFormWidgets();
/** User-timing marks (DevTools, the embed benchmark): form data at hand, form on screen. */
const mark = (name: string) => globalThis.performance?.mark?.(name);

/**
 * An embed token's start form: loads it, renders it with react-jsonschema-form in the chosen language, checks it in
 * the browser with the form version's precompiled validator, submits it, and shows the receipt.
 *
 * Nothing typed is ever lost: the data lives in this component's state while errors are shown, is saved as a draft
 * per token on every change (so a reload restores it), and is cleared only when the dossier has been received.
 * Server 422 errors go next to their fields like the browser's own.
 */
export function EmbeddedForm({ apiOrigin, token, lang, events, preloaded }: EmbeddedFormProps) {
  const t = uiText(lang);
  /** The API's refusal, or, when no answer came (a portal not allowed, a service down), what that means. */
  const refusalOf = (result: { code: string; message: string }) =>
    result.code === 'network' ? t.unreachable : result.message;
  const api = useMemo(() => createEmbedApiClient(apiOrigin, token, lang), [apiOrigin, token, lang]);
  const draft = useMemo(() => createDraftStore(embedDraftKey(token), availableLocalStorage()), [token]);
  const eventsRef = useRef(events);
  eventsRef.current = events;
  const apiRef = useRef(api);
  apiRef.current = api;

  /** The phase and data a load result leads to (the draft, if any, restored and the receiving unit prefilled). */
  const settle = (result: LoadFormResult): { phase: Phase; data?: unknown; restored: boolean } => {
    if (!result.ok) return { phase: { name: 'refused', message: refusalOf(result) }, restored: false };
    const restored = draft.load();
    return {
      phase: { name: 'form', loaded: result.value },
      data: prefillUnitCode(result.value.form.schema, restored, result.value.unit.code),
      restored: restored !== undefined,
    };
  };
  // Data already at hand renders in the first pass: no loading state, no extra render and paint before the form.
  const [initial] = useState(() => (preloaded && !(preloaded instanceof Promise) ? settle(preloaded) : undefined));

  const [phase, setPhase] = useState<Phase>(initial?.phase ?? { name: 'loading' });
  const [precompiled, setPrecompiled] = useState<PrecompiledFormValidator | undefined>();
  const [data, setData] = useState<unknown>(initial?.data);
  const [draftRestored, setDraftRestored] = useState(initial?.restored ?? false);
  const [submitting, setSubmitting] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [banner, setBanner] = useState<string | undefined>();
  const [serverErrors, setServerErrors] = useState<ErrorSchema | undefined>();

  useEffect(() => {
    let cancelled = false;
    const sync = preloaded && !(preloaded instanceof Promise) ? preloaded : undefined;
    if (!sync) setPhase({ name: 'loading' });
    void Promise.resolve(sync ?? preloaded ?? apiRef.current.loadForm()).then(async (result) => {
      if (cancelled) return;
      mark('hoso:form-data');
      if (!result.ok) {
        if (!sync) setPhase({ name: 'refused', message: refusalOf(result) });
        eventsRef.current?.onError?.(result.code, refusalOf(result));
        return;
      }
      if (!sync) {
        const settled = settle(result);
        setDraftRestored(settled.restored);
        setData(settled.data);
        setPhase(settled.phase);
      }
      // The form renders at once; its validator (a chunk of its own) follows. A submit before it arrives is checked
      // by the server alone.
      const validator = await loadPrecompiledValidator(result.value.form, warn);
      // The fields the commune adds later are not the citizen's to fill: their errors are not shown.
      const omitted = result.value.officerFields ?? [];
      if (!cancelled) {
        setPrecompiled(
          validator && { form: validator.form, validate: (d) => withoutErrorsIn(validator.validate(d), omitted) },
        );
      }
    });
    return () => {
      cancelled = true;
    };
    // Not on a change of language: the form's data is the same in both, and a receipt on screen must stay there.
  }, [apiOrigin, token, draft, preloaded]);

  const loaded = phase.name === 'form' || phase.name === 'receipt' ? phase.loaded : undefined;
  const localized = useMemo(() => (loaded ? localizeForm(loaded.form, lang) : undefined), [loaded, lang]);
  const validator = useMemo(
    () =>
      loaded
        ? createRjsfValidator(precompiled ?? { form: loaded.form, validate: () => ({ valid: true }) }, lang, warn)
        : undefined,
    [loaded, precompiled, lang],
  );
  const translateString = useMemo(() => stringTranslator(lang), [lang]);
  // No `files`: an embed uploads nothing (the start forms have no attachments; the file widget says so if one does).
  const formContext = useMemo<WidgetFormContext>(
    () => ({ lang, units: { list: ({ all }) => api.listUnits(all) } }),
    [api, lang],
  );

  const readySent = useRef<EmbedFormResponse | undefined>(undefined);
  useEffect(() => {
    if (phase.name === 'form' && readySent.current !== phase.loaded) {
      readySent.current = phase.loaded;
      mark('hoso:form-rendered');
      eventsRef.current?.onReady?.(phase.loaded);
    }
  }, [phase]);

  const onChange = useCallback(
    (event: IChangeEvent) => {
      setData(event.formData);
      draft.save(event.formData);
      setServerErrors(undefined);
    },
    [draft],
  );

  const onError = useCallback(
    (errors: RJSFValidationError[]) => {
      setAttempted(true);
      const fields = validator?.lastFieldErrors().map((e) => e.path) ?? [];
      setBanner(t.fixErrors(fields.length || errors.length));
      eventsRef.current?.onValidationFailed?.(fields, 'browser');
    },
    [validator, t],
  );

  const onSubmit = useCallback(
    async (event: IChangeEvent) => {
      if (!loaded || submitting) return;
      setAttempted(true);
      setSubmitting(true);
      setBanner(undefined);
      setServerErrors(undefined);
      const result = await api.submit(event.formData);
      setSubmitting(false);
      if (result.kind === 'receipt') {
        draft.clear();
        setPhase({ name: 'receipt', loaded, receipt: result.receipt });
        eventsRef.current?.onSubmitted?.(result.receipt);
      } else if (result.kind === 'invalid') {
        const fields = fromSubmissionErrors(result.fields);
        setServerErrors(toRjsfErrors(fields).errorSchema);
        setBanner(fields.length > 0 ? t.fixErrors(fields.length) : result.message);
        eventsRef.current?.onValidationFailed?.(
          fields.map((f) => f.path),
          'server',
        );
      } else {
        const message =
          result.status === 'network' ? t.networkError : result.status >= 500 ? t.unavailable : result.message;
        setBanner(message);
        eventsRef.current?.onError?.(result.code, message);
      }
    },
    [api, draft, loaded, submitting, t],
  );

  const startAgain = useCallback(() => {
    draft.clear();
    setDraftRestored(false);
    setAttempted(false);
    setBanner(undefined);
    setServerErrors(undefined);
    if (loaded) {
      setData(prefillUnitCode(loaded.form.schema, undefined, loaded.unit.code));
      setPhase({ name: 'form', loaded });
    }
  }, [draft, loaded]);

  if (phase.name === 'loading') {
    return (
      <div className="hoso hoso-loading" role="status" lang={lang}>
        <progress className="hoso-progress-bar" aria-label={t.loading} />
        <span>{t.loading}</span>
      </div>
    );
  }
  if (phase.name === 'refused') {
    return (
      <div className="hoso" lang={lang}>
        <div className="hoso-alert" role="alert">
          <strong>{t.tokenRefused}.</strong> {phase.message}
        </div>
      </div>
    );
  }
  if (phase.name === 'receipt') {
    const { receipt } = phase;
    return (
      <div className="hoso hoso-receipt" role="status" lang={lang}>
        <h2 className="hoso-title">{t.receiptTitle}</h2>
        <p>{t.receiptIntro}</p>
        <dl className="hoso-receipt-list">
          <dt>{t.dossierCode}</dt>
          <dd className="hoso-dossier-code">{receipt.dossierId}</dd>
          <dt>{t.receivedOn}</dt>
          <dd>{formatDate(receipt.receivedAt)}</dd>
          <dt>{t.appointmentDate}</dt>
          <dd className="hoso-appointment-date">{formatDate(receipt.appointmentDate)}</dd>
          <dt>{t.receivingUnit}</dt>
          <dd>{receipt.unit.name}</dd>
          {receipt.lookupSecret ? (
            <>
              <dt>{t.lookupSecret}</dt>
              <dd className="hoso-lookup-secret">{receipt.lookupSecret}</dd>
            </>
          ) : null}
        </dl>
        {receipt.lookupSecret ? <p className="hoso-note">{t.lookupSecretNote}</p> : null}
        <p className="hoso-note">{t.receiptNote}</p>
        <button type="button" className="hoso-button hoso-button-secondary" onClick={startAgain}>
          {t.another}
        </button>
      </div>
    );
  }

  const { form, unit } = phase.loaded;
  // Addressed to the citizen (citizenDescriptionOf); an older API sent none, and then the Vietnamese schema's.
  const schemaDescription = typeof form.schema.description === 'string' ? form.schema.description : undefined;
  const description =
    phase.loaded.description !== undefined
      ? phase.loaded.description?.[lang]
      : lang === 'vi'
        ? schemaDescription
        : undefined;
  return (
    <div className="hoso" lang={lang} aria-busy={submitting}>
      <header className="hoso-header">
        <h2 className="hoso-title">{form.title[lang]}</h2>
        <p className="hoso-unit">
          {t.receivingUnit}: <strong>{unit.name}</strong>
        </p>
        {description ? <p className="hoso-description">{description}</p> : null}
      </header>
      {draftRestored ? (
        <div className="hoso-notice">
          {t.draftRestored}{' '}
          <button type="button" className="hoso-link" onClick={startAgain}>
            {t.discardDraft}
          </button>
        </div>
      ) : null}
      {banner ? (
        <div className="hoso-alert" role="alert">
          {banner}
        </div>
      ) : null}
      {localized && validator ? (
        <Form
          schema={localized.schema}
          uiSchema={localized.uiSchema}
          validator={validator}
          formData={data}
          onChange={onChange}
          onError={onError}
          onSubmit={onSubmit}
          extraErrors={serverErrors}
          translateString={translateString}
          showErrorList={false}
          noHtml5Validate
          focusOnFirstError
          liveValidate={attempted ? 'onChange' : undefined}
          disabled={submitting}
          className="hoso-form"
          idPrefix="hoso"
          templates={templates}
          widgets={widgets}
          formContext={formContext}
          // A `const: true` declaration ("no housing support in the last 10 years") is for the person to tick, not
          // to find ticked.
          experimental_defaultFormStateBehavior={{ constAsDefaults: 'never' }}
        >
          <div className="hoso-actions">
            <button type="submit" className="hoso-button hoso-submit" disabled={submitting}>
              {submitting ? t.submitting : t.submit}
            </button>
            {submitting ? (
              <div className="hoso-progress" role="status">
                <progress className="hoso-progress-bar" aria-label={t.submitting} />
              </div>
            ) : null}
          </div>
        </Form>
      ) : null}
    </div>
  );
}
