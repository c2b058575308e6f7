// Browser-safe and DOM-free.
import type { FundChoice } from '../../../api-contract';
import type { WidgetLang } from '../../shared/widgets/widget-lang';
import { formatVnd } from '../../../domain/funds/format-vnd';
import { fundOptionLabel } from './fund-source';
import { fundText } from './fund-text';

export type FundsLoad = { status: 'loading' | 'failed' | 'ok'; funds: FundChoice[] };

/** What the fund picker shows: a plain input (no funds to offer), the chosen fund's name, or a select. */
export type FundPickerView =
  { kind: 'plain' } | { kind: 'name'; text: string } | { kind: 'select'; options: { value: string; label: string }[] };

/**
 * The picker for `value` (a fund id): read-only (`locked`) the fund's name — never its UUID once the funds are
 * known —; editable a select whose first option is "choose", then a stored fund no longer offered (deactivated
 * since), then each fund as "name — còn X ₫". With no source or a failed list, the plain input.
 */
export function fundPickerView(load: FundsLoad | undefined, value: unknown, locked: boolean, lang: WidgetLang) {
  const t = fundText(lang);
  if (!load || load.status === 'failed') return { kind: 'plain' } satisfies FundPickerView;
  const current = typeof value === 'string' ? value : '';
  const chosen = load.funds.find((f) => f._id === current);
  if (locked) {
    const text = chosen ? chosen.name : load.status === 'loading' ? '…' : current && t.unknownFund;
    return { kind: 'name', text } satisfies FundPickerView;
  }
  const options = [
    { value: '', label: load.status === 'loading' ? '…' : t.chooseFund },
    ...(current && !chosen && load.status === 'ok' ? [{ value: current, label: t.unknownFund }] : []),
    ...load.funds.map((f) => ({ value: f._id, label: fundOptionLabel(f, lang, (n) => formatVnd(n, lang)) })),
  ];
  return { kind: 'select', options } satisfies FundPickerView;
}
