import { ariaDescribedByIds, getTemplate, type WidgetProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';
import { langOf } from '../../shared/widgets/widget-form-context';
import { fundPickerView, type FundsLoad } from './fund-picker-view';
import type { AppWidgetContext } from './fund-source';

/**
 * A fund (`format: "fund-id"`, a UUID): a select of the active funds the dossier's unit may draw on, each "name —
 * còn X ₫". Read-only it shows the fund's name, never the UUID, also for a fund deactivated since (looked up among
 * all funds). Without a fund source in formContext (a form shown outside a dossier) it is RJSF's plain input. What
 * it shows is decided by fundPickerView.
 */
export function FundPickerWidget(props: WidgetProps) {
  const { id, value, onChange, onBlur, onFocus, disabled, readonly, required, autofocus, registry, options } = props;
  const lang = langOf(registry.formContext);
  const source = (registry.formContext as AppWidgetContext | undefined)?.funds;
  const locked = Boolean(disabled || readonly);
  const [load, setLoad] = useState<FundsLoad>({ status: 'loading', funds: [] });
  useEffect(() => {
    if (!source) return;
    let cancelled = false;
    source.list({ all: locked }).then(
      (funds) => !cancelled && setLoad({ status: 'ok', funds }),
      () => !cancelled && setLoad({ status: 'failed', funds: [] }),
    );
    return () => {
      cancelled = true;
    };
  }, [source, locked]);

  const view = fundPickerView(source ? load : undefined, value, locked, lang);
  if (view.kind === 'plain') {
    const BaseInputTemplate = getTemplate('BaseInputTemplate', registry, options);
    return <BaseInputTemplate {...props} />;
  }
  if (view.kind === 'name') {
    return (
      <input
        id={id}
        className="form-control"
        type="text"
        readOnly
        disabled={disabled}
        aria-describedby={ariaDescribedByIds(id)}
        data-fund-id={typeof value === 'string' ? value : ''}
        value={view.text}
      />
    );
  }
  return (
    <select
      id={id}
      className="form-control"
      value={typeof value === 'string' ? value : ''}
      required={required}
      autoFocus={autofocus}
      aria-describedby={ariaDescribedByIds(id)}
      aria-busy={load.status === 'loading'}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    >
      {view.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
