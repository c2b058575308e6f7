import { useUnitName } from './use-unit-name';

/** A labelled choice of one of `units`, each by its name in the page's language (the plans and register filters). */
export function UnitSelectField(props: {
  id: string;
  label: string;
  units: readonly string[];
  value: string;
  onChange: (code: string) => void;
}) {
  const unitName = useUnitName();
  return (
    <div className="app-field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.units.map((code) => (
          <option key={code} value={code}>
            {unitName(code)}
          </option>
        ))}
      </select>
    </div>
  );
}
