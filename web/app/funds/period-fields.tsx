import type { Lang } from '../../shared/i18n/lang';
import { DmyDateInput, readDmyDates } from '../admin/dmy-date-input';
import type { FundText } from './fund-text';

/** A report period as typed: two dd/mm/yyyy days. */
export interface PeriodText {
  from: string;
  to: string;
}

/** The ISO days of a typed period, or the problem of each field that holds no date (an empty one is "required"). */
export function readPeriod(
  period: PeriodText,
  lang: Lang,
  t: FundText,
): { from: string; to: string } | { problems: { from?: string; to?: string } } {
  const read = readDmyDates({ from: period.from, to: period.to }, lang);
  const problems = 'problems' in read ? { ...read.problems } : {};
  for (const key of ['from', 'to'] as const) if (!period[key].trim()) problems[key] = t.dayRequired;
  return 'days' in read && Object.keys(problems).length === 0 ? read.days : { problems };
}

/** The first and last day of a report period, typed as dd/mm/yyyy. */
export function PeriodFields({
  id,
  period,
  problems,
  lang,
  t,
  onChange,
}: {
  id: string;
  period: PeriodText;
  problems: { from?: string; to?: string };
  lang: Lang;
  t: FundText;
  onChange(period: PeriodText): void;
}) {
  return (
    <div className="fund-period">
      <DmyDateInput
        id={`${id}-from`}
        label={t.periodFrom}
        error={problems.from}
        value={period.from}
        lang={lang}
        onChange={(from) => onChange({ ...period, from })}
      />
      <DmyDateInput
        id={`${id}-to`}
        label={t.periodTo}
        error={problems.to}
        value={period.to}
        lang={lang}
        onChange={(to) => onChange({ ...period, to })}
      />
    </div>
  );
}
