import type { PaperReceiptText } from '../i18n/paper-receipt-text';

/**
 * The optional "paper receipt time" of a new dossier: a date (dd/mm/yyyy) and a time (HH:mm) in Việt Nam time, with
 * the hint that empty means "received now", and the problem (typed or the API's 422 at /receivedAt) under both,
 * announced with each input.
 */
export function PaperReceiptField({
  value,
  error,
  disabled,
  text,
  onChange,
}: {
  /** The date (dd/mm/yyyy) and time (HH:mm) as typed. */
  value: { date: string; time: string };
  error: string | undefined;
  disabled: boolean;
  text: PaperReceiptText;
  onChange(next: { date: string; time: string }): void;
}) {
  const describedBy = ['paper-receipt-hint', error ? 'paper-receipt-error' : ''].filter(Boolean).join(' ');
  const parts = [
    { key: 'date', label: text.date, placeholder: text.datePlaceholder },
    { key: 'time', label: text.time, placeholder: text.timePlaceholder },
  ] as const;
  return (
    <fieldset className="app-field app-paper-receipt" data-testid="paper-receipt">
      <legend>{text.legend}</legend>
      <p id="paper-receipt-hint" className="app-muted">
        {text.hint}
      </p>
      <div className="app-paper-receipt-parts">
        {parts.map((part) => (
          <span key={part.key} className="app-paper-receipt-part">
            <label htmlFor={`paper-receipt-${part.key}`}>{part.label}</label>
            <input
              id={`paper-receipt-${part.key}`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              placeholder={part.placeholder}
              value={value[part.key]}
              disabled={disabled}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              onChange={(e) => onChange({ ...value, [part.key]: e.target.value })}
            />
          </span>
        ))}
      </div>
      {error ? (
        <p id="paper-receipt-error" className="app-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
