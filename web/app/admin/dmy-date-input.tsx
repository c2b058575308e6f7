import { useState } from 'react';
import type { Lang } from '../../shared/i18n/lang';
import { parseDmyDate } from '../../shared/widgets/parse-dmy-date';
import { widgetText } from '../../shared/widgets/widget-text';
import { AdminField } from './admin-field';

/**
 * What a dd/mm/yyyy text holds: the ISO day to send, `''` when empty, or the problem to show under the field in the
 * page's language ("31/02/2026" is no date). The officer forms' date widget says the same (widget-text.ts).
 */
export function readDmyDate(text: string, lang: Lang): { iso: string } | { problem: string } {
  const parsed = parseDmyDate(text);
  const t = widgetText(lang);
  if (parsed.kind === 'ok') return { iso: parsed.iso };
  if (parsed.kind === 'empty') return { iso: '' };
  return { problem: parsed.kind === 'malformed' ? t.dateMalformed(text.trim()) : t.dateNoSuchDate(text.trim()) };
}

/**
 * Several dd/mm/yyyy texts read at once (a form's dates): every ISO day (`''` for an empty text), or the problem of
 * each text that holds no date.
 */
export function readDmyDates<K extends string>(
  texts: Record<K, string>,
  lang: Lang,
): { days: Record<K, string> } | { problems: Partial<Record<K, string>> } {
  const days = {} as Record<K, string>;
  const problems: Partial<Record<K, string>> = {};
  for (const key of Object.keys(texts) as K[]) {
    const day = readDmyDate(texts[key], lang);
    if ('iso' in day) days[key] = day.iso;
    else problems[key] = day.problem;
  }
  return Object.keys(problems).length > 0 ? { problems } : { days };
}

/**
 * One dd/mm/yyyy field of a form: `read` at submit gives its ISO day (`''` when empty), or `undefined` and keeps the
 * problem to show under the field until the next read.
 */
export function useDmyField(lang: Lang): { problem: string | undefined; read(text: string): string | undefined } {
  const [problem, setProblem] = useState<string>();
  return {
    problem,
    read(text) {
      const day = readDmyDate(text, lang);
      setProblem('problem' in day ? day.problem : undefined);
      return 'iso' in day ? day.iso : undefined;
    },
  };
}

/**
 * A labelled day typed as dd/mm/yyyy (the officer forms' way, never the browser's own date input, which follows the
 * browser's locale: mm/dd/yyyy in an English Chrome); the hint under it says the format.
 */
export function DmyDateInput({
  id,
  label,
  error,
  value,
  lang,
  onChange,
}: {
  id: string;
  label: string;
  error: string | undefined;
  value: string;
  lang: Lang;
  onChange(text: string): void;
}) {
  const hintId = `${id}-hint`;
  return (
    <AdminField
      id={id}
      label={label}
      error={error}
      control={(a) => (
        <>
          <input
            {...a}
            aria-describedby={[a['aria-describedby'], hintId].filter(Boolean).join(' ')}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder={lang === 'en' ? 'dd/mm/yyyy' : 'ngày/tháng/năm'}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
          <span id={hintId} className="app-muted">
            {widgetText(lang).dateFormatHint}
          </span>
        </>
      )}
    />
  );
}
