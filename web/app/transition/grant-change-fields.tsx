import type { AdminUser, UnitItem } from '../../../api-contract';
import { inForceOn } from '../../../domain/units/in-force-on';
import { AdminField } from '../admin/admin-field';
import { fieldMessage, type ApiFailure } from '../admin/api-problems';
import { useAppServices } from '../app-services';
import { BusyIndicator } from '../components/busy-indicator';
import { useUnitName } from '../units/use-unit-name';
import type { PlanGrant } from './plan-changes';
import { RemoveRowButton } from './remove-row-button';
import type { TransitionText } from './transition-text';

/** A grant that starts with the plan: person, role and unit (its start day is the reform date). */
export interface GrantStartRow {
  username: string;
  role: string;
  unitCode: string;
}

/**
 * "Quyền truy cập kết thúc / bắt đầu". Grants that end: by default every grant at the units the plan retires (the
 * API's default, `grantsEnd` absent), listed by person, role and unit name so that nobody loses access unseen; or
 * chosen one by one. Grants that start on the reform date: a person of the administrator's units, a role by its
 * name, a unit in force on that day. The API checks each (422 at `/grantsStart/<i>/…`), shown at its row.
 */
export function GrantChangeFields({
  reformDate,
  units,
  users,
  retiredGrants,
  explicit,
  ended,
  starts,
  onExplicit,
  onEnded,
  onStarts,
  failure,
  t,
}: {
  reformDate: string;
  units: readonly UnitItem[];
  /** The users of the administrator's units; undefined while loading. */
  users: readonly AdminUser[] | undefined;
  /** The grants at the units the plan retires (see grantsAtUnits). */
  retiredGrants: readonly PlanGrant[];
  explicit: boolean;
  /** With `explicit`: the keys of the grants chosen to end. */
  ended: ReadonlySet<string>;
  starts: readonly GrantStartRow[];
  onExplicit(explicit: boolean): void;
  onEnded(ended: Set<string>): void;
  onStarts(rows: GrantStartRow[]): void;
  failure: ApiFailure | undefined;
  t: TransitionText;
}) {
  const { text } = useAppServices();
  const unitName = useUnitName();
  const roleName = (role: string) => text.roles[role] ?? role;
  const roles = Object.entries(text.roles).filter(([role]) => role !== 'portal' && role !== 'system');
  const targets = reformDate ? units.filter((u) => inForceOn(u, reformDate)) : [];
  const endList = () => {
    if (!reformDate) return <p>{t.grantsEndNeedDate}</p>;
    if (!users) return <BusyIndicator label={t.grantsEndLoading} />;
    if (retiredGrants.length === 0) return <p>{t.grantsEndNone}</p>;
    return (
      <ul className="app-grant-list" data-grants-end-list>
        {retiredGrants.map((g) => {
          const line = t.grantLine(g.displayName, roleName(g.role), unitName(g.unitCode));
          return (
            <li key={g.key} data-grant-end={g.key}>
              {explicit ? (
                <label>
                  <input
                    type="checkbox"
                    checked={ended.has(g.key)}
                    onChange={(e) => {
                      const next = new Set(ended);
                      if (e.target.checked) next.add(g.key);
                      else next.delete(g.key);
                      onEnded(next);
                    }}
                  />{' '}
                  {line}
                </label>
              ) : (
                line
              )}
            </li>
          );
        })}
      </ul>
    );
  };
  const select = (
    id: string,
    label: string,
    value: string,
    at: string,
    choose: string,
    options: readonly (readonly [string, string])[],
    set: (v: string) => void,
  ) => {
    return (
      <AdminField
        id={id}
        label={label}
        error={fieldMessage(failure, at)}
        control={(a) => (
          <select {...a} value={value} onChange={(e) => set(e.target.value)}>
            <option value="">{choose}</option>
            {options.map(([v, name]) => (
              <option key={v} value={v}>
                {name}
              </option>
            ))}
          </select>
        )}
      />
    );
  };
  const people = (users ?? []).map((u) => [u.id, u.displayName] as const);
  const change = (i: number, patch: Partial<GrantStartRow>) =>
    onStarts(starts.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="app-fieldset" data-grant-changes>
      <legend>{t.grantChanges}</legend>
      <h3>{t.grantsEnd}</h3>
      <div className="app-field" role="radiogroup" aria-label={t.grantsEnd}>
        <label>
          <input type="radio" name="transition-grants-end" checked={!explicit} onChange={() => onExplicit(false)} />{' '}
          {t.grantsEndDefault}
        </label>
        <label>
          <input type="radio" name="transition-grants-end" checked={explicit} onChange={() => onExplicit(true)} />{' '}
          {t.grantsEndExplicit}
        </label>
      </div>
      {endList()}
      {fieldMessage(failure, '/grantsEnd') ? <p className="app-error">{fieldMessage(failure, '/grantsEnd')}</p> : null}
      <h3>{t.grantsStart}</h3>
      {reformDate ? <p className="app-muted">{t.grantsStartHint(reformDate)}</p> : null}
      {starts.map((row, i) => (
        <div className="app-row-fields" key={i} data-grant-start={i}>
          {select(
            `transition-grant-${i}-person`,
            t.person,
            row.username,
            `/grantsStart/${i}/username`,
            t.choosePerson,
            people,
            (username) => change(i, { username }),
          )}
          {select(
            `transition-grant-${i}-role`,
            t.role,
            row.role,
            `/grantsStart/${i}/role`,
            t.chooseRole,
            roles,
            (role) => change(i, { role }),
          )}
          {select(
            `transition-grant-${i}-unit`,
            t.grantUnit,
            row.unitCode,
            `/grantsStart/${i}/unitCode`,
            t.chooseUnit,
            targets.map((u) => [u.code, unitName(u.code)] as const),
            (unitCode) => change(i, { unitCode }),
          )}
          <RemoveRowButton
            label={t.removeRow(t.startingGrant(i + 1))}
            text={t.remove}
            onRemove={() => onStarts(starts.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <div className="app-actions">
        <button
          type="button"
          className="app-button app-button-secondary"
          onClick={() => onStarts([...starts, { username: '', role: '', unitCode: '' }])}
        >
          {t.addGrantStart}
        </button>
      </div>
    </fieldset>
  );
}
