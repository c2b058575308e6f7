import { formatDmyDate } from '../../shared/widgets/format-dmy-date';
import { AdminField } from '../admin/admin-field';
import { useUnitName } from './use-unit-name';
import { useAdminUnits } from './use-admin-units';

/**
 * A unit at or under the administrator's unit chosen by its name (its code is the option's value and tooltip,
 * never typed); until the list arrives, the administrator's own unit alone. With `retired`, the units retired since
 * are offered too, each named by `retired(name, its last day as dd/mm/yyyy)` (a report on a past year needs them,
 * and an old and a new unit may share a name).
 */
export function AdminUnitSelect({
  id,
  label,
  error,
  root,
  value,
  onChange,
  retired,
}: {
  id: string;
  label: string;
  error?: string;
  root: string;
  value: string;
  onChange(code: string): void;
  retired?: (name: string, lastDay: string) => string;
}) {
  const units = useAdminUnits(root, retired !== undefined);
  const unitName = useUnitName();
  const codes = units ? units.map((u) => u.code) : [root];
  const lastDay = new Map(units?.flatMap((u) => (u.effectiveTo ? [[u.code, u.effectiveTo] as const] : [])));
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
              {retired && lastDay.has(code)
                ? retired(unitName(code), formatDmyDate(lastDay.get(code))!)
                : unitName(code)}
            </option>
          ))}
        </select>
      )}
    />
  );
}
