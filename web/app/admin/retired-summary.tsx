import { useEffect, useState } from 'react';
import type { AdminUserList, EmbedTokenList } from '../../../api-contract';
import { vietnamDate } from '../../../domain/time/vietnam-date';
import { useAppServices } from '../app-services';
import { unitValidityText } from '../units/unit-validity-text';
import { useRetiredUnit } from '../units/use-retired-unit';
import { useUnitLookup } from '../units/use-unit-lookup';
import { countGrantStandings } from './grant-standing';

/**
 * One line at the top of the admin pages when grants or live embed tokens of the administrator's units sit at a
 * unit not in force today ("N quyền, M mã nhúng tại đơn vị đã giải thể"); nothing when there are none or while
 * loading. Grants that have not started yet (their `from` is ahead) are counted apart. Counts the first 500 users the
 * API lists (its page limit).
 */
export function RetiredSummary() {
  const { api, lang } = useAppServices();
  const retiredUnit = useRetiredUnit();
  const unit = useUnitLookup();
  const [lists, setLists] = useState<{ users: AdminUserList['items']; tokens: EmbedTokenList['items'] }>();
  useEffect(() => {
    let live = true;
    void Promise.all([
      api.get<AdminUserList>('/api/admin/users?limit=500'),
      api.get<EmbedTokenList>('/api/admin/embed-tokens'),
    ]).then(([users, tokens]) => {
      // A list the administrator may not read (403) or a failed load: no summary rather than a wrong one.
      if (live && users.ok && tokens.ok) setLists({ users: users.value.items, tokens: tokens.value.items });
    });
    return () => {
      live = false;
    };
  }, [api]);
  if (!lists) return null;
  // A grant not started yet is counted apart: it is not at a retired unit because its unit is not in force today.
  const grants = countGrantStandings(
    lists.users.flatMap((u) => u.grants),
    vietnamDate(new Date()),
    unit,
  );
  const tokens = lists.tokens.filter((t) => !t.revokedAt && retiredUnit(t.unitCode)).length;
  if (grants.retired === 0 && tokens === 0 && grants.upcoming === 0) return null;
  const v = unitValidityText(lang);
  return (
    <p className="app-warning" data-retired-summary={`${grants.retired}/${tokens}`} data-upcoming={grants.upcoming}>
      {grants.retired > 0 || tokens > 0 ? v.summary(grants.retired, tokens) : null}
      {grants.upcoming > 0 ? (
        <span data-upcoming-summary>
          {grants.retired > 0 || tokens > 0 ? '; ' : ''}
          {v.upcomingSummary(grants.upcoming)}
        </span>
      ) : null}
    </p>
  );
}
