import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { useEffect, useRef, useState } from 'react';
import { formatDmyDate } from './format-dmy-date';
import { parseDmyDate } from './parse-dmy-date';
import { langOf } from './widget-form-context';
import { widgetText } from './widget-text';

type ShowPicker = HTMLInputElement & { showPicker?: () => void };

/**
 * A date (`format: "date"`) typed as dd/mm/yyyy and stored as ISO yyyy-mm-dd, with a button opening the browser's
 * own calendar. What cannot be a date is stored as typed, so the form's validator refuses it (nothing half-typed is
 * silently dropped or replaced by an older date), and the widget says why in the form's language: "31/02/2025" is no
 * date, "15/3/24" is not day/month/year. Read-only or disabled, it shows dd/mm/yyyy.
 */
export function DateDmyWidget(props: WidgetProps) {
  const {
    id,
    value,
    onChange,
    onBlur,
    onFocus,
    disabled,
    readonly,
    required,
    autofocus,
    registry,
    htmlName,
    placeholder,
  } = props;
  const lang = langOf(registry.formContext);
  const t = widgetText(lang);
  const shown = (v: unknown) => formatDmyDate(v) ?? (typeof v === 'string' ? v : '');
  const [text, setText] = useState(() => shown(value));
  const [problem, setProblem] = useState<string | undefined>();
  const pickerRef = useRef<ShowPicker>(null);

  // The data changed from outside (a draft, a reset, the calendar): show it, unless it is what is typed already.
  useEffect(() => {
    setText((current) => {
      const parsed = parseDmyDate(current);
      const same =
        parsed.kind === 'ok'
          ? parsed.iso === value
          : parsed.kind === 'empty'
            ? value === undefined || value === ''
            : current === value;
      return same ? current : shown(value);
    });
  }, [value]);

  const commit = (typed: string) => {
    const parsed = parseDmyDate(typed);
    if (parsed.kind === 'ok') onChange(parsed.iso);
    else if (parsed.kind === 'empty') onChange(undefined);
    else onChange(typed.trim());
    return parsed;
  };
  const explain = (typed: string) => {
    const parsed = parseDmyDate(typed);
    setProblem(
      parsed.kind === 'malformed'
        ? t.dateMalformed(typed.trim())
        : parsed.kind === 'no-such-date'
          ? t.dateNoSuchDate(typed.trim())
          : undefined,
    );
  };

  const locked = disabled || readonly;
  const typed = parseDmyDate(text);
  return (
    <div className="hoso-w-date">
      <div className="hoso-w-date-row">
        <input
          id={id}
          name={htmlName ?? id}
          className="form-control hoso-w-date-input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          placeholder={placeholder || 'dd/mm/yyyy'}
          value={text}
          required={required}
          disabled={disabled}
          readOnly={readonly}
          autoFocus={autofocus}
          aria-describedby={`${ariaDescribedByIds(id)} ${id}__hint`}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => {
            setText(event.target.value);
            // A problem already shown is re-checked on every keystroke, so it goes away as soon as it is fixed.
            if (commit(event.target.value).kind === 'ok' || problem) explain(event.target.value);
          }}
          onBlur={() => {
            explain(text);
            onBlur(id, value);
          }}
          onFocus={() => onFocus(id, value)}
        />
        {locked ? null : (
          <>
            <button
              type="button"
              className="hoso-w-icon-button"
              title={t.openCalendar}
              aria-label={t.openCalendar}
              onClick={() => {
                try {
                  pickerRef.current?.showPicker?.();
                } catch {
                  pickerRef.current?.focus();
                }
              }}
            >
              <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                <path fill="currentColor" d="M4 0h2v2h4V0h2v2h3v14H1V2h3zm-1 6v8h10V6z" />
              </svg>
            </button>
            <input
              ref={pickerRef}
              className="hoso-w-date-picker"
              type="date"
              tabIndex={-1}
              aria-hidden="true"
              value={typed.kind === 'ok' ? typed.iso : ''}
              onChange={(event) => {
                const iso = event.target.value;
                setText(formatDmyDate(iso) ?? '');
                setProblem(undefined);
                onChange(iso === '' ? undefined : iso);
              }}
            />
          </>
        )}
      </div>
      <div
        id={`${id}__hint`}
        className={problem ? 'hoso-w-notice hoso-w-problem' : 'hoso-w-hint'}
        role={problem ? 'alert' : undefined}
      >
        {problem ?? (locked ? null : t.dateFormatHint)}
      </div>
    </div>
  );
}
