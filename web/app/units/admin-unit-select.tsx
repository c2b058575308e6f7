import { AdminField } from '../admin/admin-field';
import { useUnitName } from './use-unit-name';
import { useAdminUnits } from './use-admin-units';

/**
 * A unit at or under the administrator's unit chosen by its name (its code is the option's value and tooltip,
 * never typed); until the list arrives, the administrator's own unit alone.
 */
export function AdminUnitSelect({
  id,
  label,
  error,
  root,
  value,
  onChange,
}: {
  id: string;
  label: string;
  error?: string;
  root: string;
  value: string;
  onChange(code: string): void;
}) {
  const units = useAdminUnits(root);
  const unitName = useUnitName();
  const codes = units ? units.map((u) => u.code) : [root];
  // A value from an older draft that is no longer among them stays selectable rather than silently replaced.
  if (value && !codes.includes(value)) codes.push(value);
  return (
    <AdminField
      id={id}
      label={label}
      error={error}
      control={(a) => (
        <select {...a} value={value} onChange={(e) => onChange(e.target.value)}>
          {codes.map((code) => (
            <option key={code} value={code} title={code}>
              {unitName(code)}
            </option>
          ))}
        </select>
      )}
    />
  );
}
