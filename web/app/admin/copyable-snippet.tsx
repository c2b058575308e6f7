import { useState } from 'react';

/** A snippet to paste elsewhere, read-only and selectable, with a Copy button that says whether it worked. */
export function CopyableSnippet({
  id,
  label,
  value,
  copyLabel,
  copiedText,
  failedText,
}: {
  id: string;
  label: string;
  value: string;
  copyLabel: string;
  copiedText: string;
  failedText: string;
}) {
  const [copied, setCopied] = useState<boolean>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="app-field app-snippet">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        readOnly
        // Tall enough to read the whole snippet (the iframe's has its listener's lines), the long lines wrapped.
        rows={Math.min(14, value.split('\n').length + 2)}
        value={value}
        className="app-json-input"
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="app-snippet-tools">
        <button
          type="button"
          className="app-button app-button-secondary"
          onClick={() => void copy()}
          aria-describedby={copied === undefined ? undefined : `${id}-copied`}
        >
          {copyLabel}
        </button>
        {copied === undefined ? null : (
          <span id={`${id}-copied`} role="status" className={copied ? 'app-muted' : 'app-error'}>
            {copied ? copiedText : failedText}
          </span>
        )}
      </div>
    </div>
  );
}
