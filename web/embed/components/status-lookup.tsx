import { Fragment, useCallback, useId, useRef, useState, type FormEvent } from 'react';
import type { CitizenStatus } from '../../../api-contract';
import { formatDate } from '../../shared/format/format-date';
import type { Lang } from '../../shared/i18n/lang';
import { lookupStatus } from '../api/lookup-status';
import { uiText } from '../i18n/ui-text';

/** What the page around the lookup (the iframe page, the custom element) is told. */
export interface StatusLookupEvents {
  onFound?(status: CitizenStatus): void;
  onError?(code: string, message: string): void;
}

export interface StatusLookupProps {
  /** Scheme, host and port of the API (the iframe page's own origin, or the `<tra-cuu-ho-so>` script's). */
  apiOrigin: string;
  token: string;
  lang: Lang;
  events?: StatusLookupEvents;
}

type Field = 'code' | 'secret';

/**
 * A citizen's status lookup: the dossier code and the lookup code from the receipt, then the dossier's stage, unit,
 * dates, timeliness and outcome as the API answers them. Refusals are shown next to the fields (422) or above the
 * form (404, 429, a portal that is not allowed or a service that cannot be reached); what was typed is kept.
 */
export function StatusLookup({ apiOrigin, token, lang, events }: StatusLookupProps) {
  const t = uiText(lang);
  const words = t.lookup;
  const id = useId();
  const [values, setValues] = useState<Record<Field, string>>({ code: '', secret: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [banner, setBanner] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<CitizenStatus | undefined>();
  const codeInput = useRef<HTMLInputElement>(null);

  const onSubmit = useCallback(
    async (event: FormEvent) => {
      event.preventDefault();
      if (busy) return;
      const missing: Partial<Record<Field, string>> = {};
      for (const field of ['code', 'secret'] as const) if (!values[field].trim()) missing[field] = words.required;
      setFieldErrors(missing);
      setBanner(undefined);
      if (Object.keys(missing).length > 0) return;
      setBusy(true);
      const result = await lookupStatus(apiOrigin, token, lang, {
        code: values.code.trim(),
        secret: values.secret.trim(),
      });
      setBusy(false);
      if (result.kind === 'found') {
        setFound(result.status);
        events?.onFound?.(result.status);
      } else if (result.kind === 'invalid') {
        const errors: Partial<Record<Field, string>> = {};
        for (const f of result.fields)
          if (f.path === '/code' || f.path === '/secret') errors[f.path.slice(1) as Field] = f.message;
        setFieldErrors(errors);
        setBanner(Object.keys(errors).length > 0 ? undefined : result.message);
      } else {
        const message =
          result.status === 'network' ? t.unreachable : result.status >= 500 ? t.unavailable : result.message;
        setBanner(message);
        events?.onError?.(result.code, message);
      }
    },
    [apiOrigin, busy, events, lang, t, token, values, words],
  );

  const again = useCallback(() => {
    setFound(undefined);
    setValues({ code: '', secret: '' });
    queueMicrotask(() => codeInput.current?.focus());
  }, []);

  if (found) {
    const rows: [string, string, string?][] = [
      [words.process, found.process[lang]],
      [words.stage, found.stage[lang], 'hoso-status-stage'],
      ...(found.processingUnit ? [[words.processingUnit, found.processingUnit] as [string, string]] : []),
      [words.receivedAt, formatDate(found.receivedAt)],
      ...(found.dueAt ? [[words.dueAt, formatDate(found.dueAt)] as [string, string]] : []),
      ...(found.timelinessText
        ? [[words.timeliness, found.timelinessText[lang], 'hoso-status-timeliness'] as [string, string, string]]
        : []),
      ...(found.outcome ? [[words.outcome, words.outcomes[found.outcome]] as [string, string]] : []),
      ...(found.closedAt ? [[words.closedAt, formatDate(found.closedAt)] as [string, string]] : []),
    ];
    return (
      <div className="hoso hoso-status" lang={lang} role="status">
        <h2 className="hoso-title">
          {words.resultTitle} <span className="hoso-status-code">{found.code}</span>
        </h2>
        <dl className="hoso-receipt-list">
          {rows.map(([term, value, className]) => (
            <Fragment key={term}>
              <dt>{term}</dt>
              <dd className={className}>{value}</dd>
            </Fragment>
          ))}
        </dl>
        <button type="button" className="hoso-button hoso-button-secondary" onClick={again}>
          {words.again}
        </button>
      </div>
    );
  }

  const field = (name: Field, label: string, help?: string) => {
    const inputId = `${id}-${name}`;
    const error = fieldErrors[name];
    const described = [help ? `${inputId}-help` : '', error ? `${inputId}-error` : ''].filter(Boolean).join(' ');
    return (
      <div className={`form-group${error ? ' field-error' : ''}`}>
        <label className="control-label" htmlFor={inputId}>
          {label}
          <span className="required">*</span>
        </label>
        <input
          ref={name === 'code' ? codeInput : undefined}
          id={inputId}
          name={name}
          className="form-control"
          value={values[name]}
          maxLength={name === 'code' ? 60 : 40}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        />
        {help ? (
          <p id={`${inputId}-help`} className="help-block">
            {help}
          </p>
        ) : null}
        {error ? (
          <div id={`${inputId}-error`} className="error-detail">
            <p className="text-danger">{error}</p>
          </div>
        ) : null}
      </div>
    );
  };

  return (
    <div className="hoso hoso-status" lang={lang} aria-busy={busy}>
      <header className="hoso-header">
        <h2 className="hoso-title">{words.title}</h2>
        <p className="hoso-description">{words.intro}</p>
      </header>
      {banner ? (
        <div className="hoso-alert" role="alert">
          {banner}
        </div>
      ) : null}
      <form className="hoso-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        {field('code', words.code)}
        {field('secret', words.secret, words.secretHelp)}
        <div className="hoso-actions">
          <button type="submit" className="hoso-button hoso-submit" disabled={busy}>
            {busy ? words.searching : words.submit}
          </button>
        </div>
      </form>
    </div>
  );
}
