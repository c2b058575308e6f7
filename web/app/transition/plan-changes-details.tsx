import { useEffect, useState, type ReactNode } from 'react';
import type { AdminUserList, TransitionPlan } from '../../../api-contract';
import { useAppServices } from '../app-services';
import { UnitName } from '../units/unit-name';
import { publishedLabel } from './plan-changes';
import type { TransitionText } from './transition-text';
import { usePublishedProcesses } from './use-published-processes';

/**
 * The plan's processes that end and start and its grants that end and start, as the plan view's details (`<dt>` /
 * `<dd>` pairs): processes by title and version, people by their display names (the username only for someone the
 * administrator's user list does not hold), roles by name, units by name.
 */
export function PlanChangesDetails({ plan, t }: { plan: TransitionPlan; t: TransitionText }) {
  const { api, lang, text } = useAppServices();
  const published = usePublishedProcesses();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const people = [...plan.grantsEnd.map((g) => g.username), ...plan.grantsStart.map((g) => g.username)].filter(
    (u): u is string => Boolean(u),
  ).length;
  useEffect(() => {
    if (people === 0) return;
    let live = true;
    void api.get<AdminUserList>('/api/admin/users?limit=500').then((answer) => {
      if (live && answer.ok) setNames(new Map(answer.value.items.map((u) => [u.id, u.displayName])));
    });
    return () => {
      live = false;
    };
  }, [api, people]);
  const person = (username: string) => names.get(username) ?? username;
  const label = (ref: { processKey: string; processVersion: number | null }) => publishedLabel(published, ref, lang, t);
  const roleName = (role: string | null) => (role ? (text.roles[role] ?? role) : t.everyRole);
  const list = <T,>(items: readonly T[], item: (x: T, i: number) => ReactNode) =>
    items.length === 0 ? (
      t.none
    ) : (
      <ul>
        {items.map((x, i) => (
          <li key={i}>{item(x, i)}</li>
        ))}
      </ul>
    );
  return (
    <>
      <dt>{t.definitionsEnd}</dt>
      <dd data-plan-definitions-end>{list(plan.definitionsEnd, (d) => `${label(d)}: ${t.lastDayOn(d.lastDay)}`)}</dd>
      <dt>{t.definitionsStart}</dt>
      <dd data-plan-definitions-start>
        {list(plan.definitionsStart, (d) => `${label(d)}: ${t.firstDayOn(d.firstDay)}`)}
      </dd>
      <dt>{t.grantsEnd}</dt>
      <dd data-plan-grants-end>
        {plan.grantsEnd.length === 0
          ? t.none
          : list(plan.grantsEnd, (g) => (
              <>
                {g.username || g.role ? (
                  <>
                    {g.username ? person(g.username) : t.everyone} — {roleName(g.role)} @ <UnitName code={g.unitCode} />
                  </>
                ) : (
                  <>
                    {t.everyGrantAtUnit} <UnitName code={g.unitCode} />
                  </>
                )}
              </>
            ))}
      </dd>
      <dt>{t.grantsStart}</dt>
      <dd data-plan-grants-start>
        {list(plan.grantsStart, (g) => (
          <>
            {person(g.username)} — {roleName(g.role)} @ <UnitName code={g.unitCode} />, {t.firstDayOn(g.from)}
          </>
        ))}
      </dd>
    </>
  );
}
