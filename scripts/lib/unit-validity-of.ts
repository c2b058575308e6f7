/**
 * Whether the API enforces units' validity dates (docs/units.md), from `HOSO_UNIT_VALIDITY`: `enforce` or `off`; when
 * unset, enforced except in demo mode, whose loaders still open 2024 seed-era dossiers today. `off` is for replaying
 * records of units that have since been retired (the load test drives the pre-reform chain on today's clock); any
 * other value is an error at start-up, not a silent default.
 */
export function unitValidityOf(mode: string, env: NodeJS.ProcessEnv): boolean {
  const value = env.HOSO_UNIT_VALIDITY;
  if (value === undefined || value === '') return mode !== 'demo';
  if (value === 'enforce') return true;
  if (value === 'off') return false;
  throw new RangeError(`HOSO_UNIT_VALIDITY must be enforce or off, not ${value}`);
}
