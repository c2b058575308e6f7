import { ariaDescribedByIds, getTemplate, type WidgetProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import type { FundChoice } from '../../../api-contract';
import { langOf } from '../../shared/widgets/widget-form-context';
import { formatVnd } from '../format/format-vnd';
import { fundOptionLabel, type AppWidgetContext } from './fund-source';
import { fundText } from './fund-text';

type Loaded = { status: 'loading' | 'failed'; funds: FundChoice[] } | { status: 'ok'; funds: FundChoice[] };

/**
 * A fund (`format: "fund-id"`, a UUID): a select of the active funds the dossier's unit may draw on, each "name —
 * còn X ₫". Read-only it shows the fund's name, never the UUID, also for a fund deactivated since (looked up among
 * all funds). Without a fund source in formContext (a form shown outside a dossier) it is RJSF's plain input.
 */
export function FundPickerWidget(props: WidgetProps) {
  const { id, value, onChange, onBlur, onFocus, disabled, readonly, required, autofocus, registry, options } = props;
  const lang = langOf(registry.formContext);
  const t = fundText(lang);
  const source = (registry.formContext as AppWidgetContext | undefined)?.funds;
  const locked = Boolean(disabled || readonly);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading', funds: [] });
  useEffect(() => {
    if (!source) return;
    let cancelled = false;
    source.list({ all: locked }).then(
      (funds) => !cancelled && setLoaded({ status: 'ok', funds }),
      () => !cancelled && setLoaded({ status: 'failed', funds: [] }),
    );
    return () => {
      cancelled = true;
    };
  }, [source, locked]);

  if (!source || loaded.status === 'failed') {
    const BaseInputTemplate = getTemplate('BaseInputTemplate', registry, options);
    return <BaseInputTemplate {...props} />;
  }
  const current = typeof value === 'string' ? value : '';
  const chosen = loaded.funds.find((f) => f._id === current);
  const label = (f: FundChoice) => fundOptionLabel(f, lang, (n) => formatVnd(n, lang));

  if (locked) {
    return (
      <input
        id={id}
        className="form-control"
        type="text"
        readOnly
        disabled={disabled}
        aria-describedby={ariaDescribedByIds(id)}
        data-fund-id={current}
        value={chosen ? chosen.name : loaded.status === 'loading' ? '…' : current}
      />
    );
  }
  return (
    <select
      id={id}
      className="form-control"
      value={current}
      required={required}
      autoFocus={autofocus}
      aria-describedby={ariaDescribedByIds(id)}
      aria-busy={loaded.status === 'loading'}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    >
      <option value="">{loaded.status === 'loading' ? '…' : t.chooseFund}</option>
      {current && !chosen && loaded.status === 'ok' ? <option value={current}>{t.unknownFund}</option> : null}
      {loaded.funds.map((f) => (
        <option key={f._id} value={f._id}>
          {label(f)}
        </option>
      ))}
    </select>
  );
}
