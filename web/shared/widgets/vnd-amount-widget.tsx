import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { useEffect, useState, type ChangeEvent } from 'react';
import { amountInWords } from '../../../domain/funds/amount-in-words';
import { editAmountText } from './edit-amount-text';
import { groupDigits } from './format-amount';
import { langOf } from './widget-form-context';
import { widgetText } from './widget-text';

/** The digits of whatever the data holds: a number (the normal case) or a string left by an older draft. */
function digitsOf(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(Math.trunc(Math.abs(value)));
  if (typeof value === 'string') return value.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return '';
}

/**
 * An amount of VND (`ui:options.unit: "VND"`, integer): grouped by thousands as it is typed (1.000.000 in
 * Vietnamese, 1,000,000 in English) with the caret kept after the same digits, only digits accepted, and the amount
 * in words underneath ("Một trăm triệu đồng"). Stores an integer. Read-only or disabled, it shows the same.
 */
export function VndAmountWidget(props: WidgetProps) {
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
  const digits = digitsOf(value);
  const [text, setText] = useState(() => groupDigits(digits, lang));
  const [notice, setNotice] = useState<string | undefined>();

  // The data changed from outside (a draft restored, a reset, another language): show it.
  useEffect(() => {
    setText(groupDigits(digits, lang));
  }, [digits, lang]);

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const inputType = (event.nativeEvent as InputEvent).inputType;
    const edit = editAmountText(text, input.value, input.selectionStart ?? input.value.length, lang, inputType);
    // Set the text and the caret now, in the same task as the keystroke, so React finds the DOM as it wants it
    // and does not move the caret to the end.
    input.value = edit.text;
    input.setSelectionRange(edit.caret, edit.caret);
    setText(edit.text);
    setNotice(
      edit.refused === 'not-a-digit' ? t.amountNotADigit : edit.refused === 'too-long' ? t.amountTooLong : undefined,
    );
    if (!edit.refused && edit.digits !== digitsOf(value))
      onChange(edit.digits === '' ? undefined : Number(edit.digits));
  };

  const shown = text.replace(/\D/g, '');
  const words = shown === '' ? '' : amountInWords(Number(shown), lang);
  return (
    <div className="hoso-w-amount">
      <div className="hoso-w-amount-row">
        <input
          id={id}
          name={htmlName ?? id}
          className="form-control hoso-w-amount-input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={text}
          placeholder={placeholder || undefined}
          required={required}
          disabled={disabled}
          readOnly={readonly}
          autoFocus={autofocus}
          aria-describedby={`${ariaDescribedByIds(id)} ${id}__words`}
          onChange={handleChange}
          onBlur={() => {
            setNotice(undefined);
            onBlur(id, value);
          }}
          onFocus={() => onFocus(id, value)}
        />
        <span className="hoso-w-unit" aria-hidden="true">
          {lang === 'vi' ? 'đồng' : 'VND'}
        </span>
      </div>
      <div id={`${id}__words`} className="hoso-w-words" aria-live="polite">
        {words}
      </div>
      {notice ? (
        <div className="hoso-w-notice" role="status">
          {notice}
        </div>
      ) : null}
    </div>
  );
}
