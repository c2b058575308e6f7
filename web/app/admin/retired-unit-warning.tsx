import { useAppServices } from '../app-services';
import { unitValidityText } from '../units/unit-validity-text';
import { useRetiredUnit } from '../units/use-retired-unit';
import { useUnitName } from '../units/use-unit-name';

/**
 * A warning beside a grant or an embed token whose unit (or a unit above it) is not in force today: what it means
 * for the grant or the token, and which unit and why. Nothing for a unit in force, or before the unit list arrived.
 */
export function RetiredUnitWarning({ code, kind }: { code: string; kind: 'grant' | 'token' }) {
  const { lang } = useAppServices();
  const retired = useRetiredUnit()(code);
  const unitName = useUnitName();
  if (!retired) return null;
  const v = unitValidityText(lang);
  return (
    <span className="app-warning app-warning-inline" data-retired-warning={kind}>
      {kind === 'grant' ? v.grantAtRetired : v.tokenAtRetired} ({v.notInForce(retired, unitName(retired.code))})
    </span>
  );
}
