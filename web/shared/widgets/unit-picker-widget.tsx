import { ariaDescribedByIds, getTemplate, type WidgetProps } from '@rjsf/utils';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { formatDmyDate } from './format-dmy-date';
import { searchUnits } from './search-units';
import type { UnitOption } from './unit-option';
import { useUnits } from './use-units';
import { langOf, widgetContextOf } from './widget-form-context';
import type { WidgetLang } from './widget-lang';
import { widgetText } from './widget-text';

const nameIn = (unit: UnitOption, lang: WidgetLang) => (lang === 'en' && unit.nameEn ? unit.nameEn : unit.name);
const labelOf = (unit: UnitOption, lang: WidgetLang) => `${nameIn(unit, lang)} (${unit.code})`;

/**
 * An administrative unit (`format: "unit-code"`): a combobox that searches the units in force by name or code
 * (diacritics and case ignored) and stores the chosen unit's code. A stored unit that is no longer in force is still
 * named, with the date it ended. Without a unit source in formContext it is a plain code input; read-only or
 * disabled, it shows the unit's name and code.
 */
export function UnitPickerWidget(props: WidgetProps) {
  const { id, value, onChange, onBlur, onFocus, disabled, readonly, required, autofocus, registry, htmlName, options } =
    props;
  const lang = langOf(registry.formContext);
  const t = widgetText(lang);
  const source = widgetContextOf(registry.formContext).units;
  const inForce = useUnits(source, false);
  const code = typeof value === 'string' ? value : '';
  const current = inForce.units.find((u) => u.code === code);
  // A stored code not among the units in force (an old dossier, a unit merged since): look it up among all.
  const history = useUnits(source, true, inForce.status === 'ok' && code !== '' && !current);
  const unit = current ?? history.units.find((u) => u.code === code);

  const [query, setQuery] = useState<string | undefined>(undefined);
  const [active, setActive] = useState(0);
  const [typed, setTyped] = useState(false);
  const open = query !== undefined;
  const matches = useMemo(() => (open ? searchUnits(inForce.units, query, 50) : []), [open, inForce.units, query]);
  const listId = `${id}__units`;

  if (!source || inForce.status === 'failed') {
    const BaseInputTemplate = getTemplate('BaseInputTemplate', registry, options);
    return (
      <>
        <BaseInputTemplate {...props} />
        {source ? <div className="hoso-w-notice">{t.unitsUnavailable}</div> : null}
      </>
    );
  }

  const shown = unit ? labelOf(unit, lang) : code;
  const ended =
    unit?.effectiveTo && !current ? t.unitNotInForce(formatDmyDate(unit.effectiveTo) ?? unit.effectiveTo) : undefined;
  const locked = disabled || readonly;

  const choose = (picked: UnitOption | undefined) => {
    setQuery(undefined);
    setTyped(false);
    if (picked && picked.code !== code) onChange(picked.code);
  };
  const close = () => {
    // Leaving the field keeps the chosen unit, unless the person emptied it (clears it) or typed an exact code.
    const text = query?.trim() ?? '';
    if (typed && text === '') onChange(undefined);
    else if (typed) choose(inForce.units.find((u) => u.code === text.toUpperCase()));
    setQuery(undefined);
    setTyped(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setQuery('');
        setActive(0);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (matches.length === 0 ? 0 : (i + step + matches.length) % matches.length));
    } else if (event.key === 'Enter' && open) {
      event.preventDefault(); // not a submit
      choose(matches[active]);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setQuery(undefined);
      setTyped(false);
    }
  };

  return (
    <div className="hoso-w-unit-picker">
      <input
        id={id}
        name={htmlName ?? id}
        className="form-control hoso-w-unit-input"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
        aria-describedby={ariaDescribedByIds(id)}
        placeholder={locked ? undefined : t.unitSearchPlaceholder}
        value={open ? query : shown}
        data-unit-code={code}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        autoFocus={autofocus}
        onChange={(event) => {
          setQuery(event.target.value);
          setTyped(true);
          setActive(0);
        }}
        onClick={() => {
          if (!open && !locked) setQuery('');
        }}
        onKeyDown={locked ? undefined : onKeyDown}
        onFocus={() => onFocus(id, value)}
        onBlur={() => {
          close();
          onBlur(id, value);
        }}
      />
      {ended ? <div className="hoso-w-hint">{ended}</div> : null}
      {open && !locked ? (
        <ul id={listId} className="hoso-w-listbox" role="listbox" aria-label={t.unitSearchPlaceholder}>
          {inForce.status !== 'ok' ? (
            <li className="hoso-w-option-empty">{t.unitsLoading}</li>
          ) : matches.length === 0 ? (
            <li className="hoso-w-option-empty">{t.unitNoMatch}</li>
          ) : (
            matches.map((u, i) => (
              <li
                key={u.code}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'hoso-w-option hoso-w-option-active' : 'hoso-w-option'}
                // mousedown, not click: the input must not lose the focus (and close the list) first.
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(u);
                }}
              >
                <span className="hoso-w-option-name">{nameIn(u, lang)}</span>{' '}
                <span className="hoso-w-option-meta">
                  {u.code} · {t.levels[u.level]}
                </span>
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
