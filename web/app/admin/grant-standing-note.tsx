import type { RoleGrant } from '../../../api-contract';
import { vietnamDate } from '../../../domain/time/vietnam-date';
import { useAppServices } from '../app-services';
import { unitValidityText } from '../units/unit-validity-text';
import { useUnitLookup } from '../units/use-unit-lookup';
import { useUnitName } from '../units/use-unit-name';
import type { AdminText } from './admin-text';
import { grantStanding } from './grant-standing';

/**
 * Beside a grant on the users page: its start day ("từ 01/07/2025"), marked when it is still ahead ("(chưa bắt
 * đầu)": it authorises nothing yet), and the warning of a grant at a retired unit (for an upcoming grant: a unit not in
 * force on its start day). Nothing for a grant with no start day at a unit in force.
 */
export function GrantStandingNote({ grant, t }: { grant: RoleGrant; t: AdminText }) {
  const { lang } = useAppServices();
  const unit = useUnitLookup();
  const unitName = useUnitName();
  const standing = grantStanding(grant, vietnamDate(new Date()), unit);
  const v = unitValidityText(lang);
  return (
    <>
      {standing.from ? (
        <span className="app-muted" data-grant-from={standing.from} data-grant-state={standing.state}>
          {' '}
          {standing.state === 'upcoming' ? t.grantUpcoming(standing.from) : t.grantFrom(standing.from)}
        </span>
      ) : null}
      {standing.retired ? (
        <span className="app-warning app-warning-inline" data-retired-warning="grant">
          {' '}
          {v.grantAtRetired} ({v.notInForce(standing.retired, unitName(standing.retired.code))})
        </span>
      ) : null}
    </>
  );
}
