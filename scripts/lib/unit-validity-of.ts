/**
 * Whether the API enforces units' validity dates (docs/units.md), from `HOSO_UNIT_VALIDITY`: `enforce` or `off`;
 * enforced when unset, in every mode (the demo's served API too: the seed era's records are loaded by the demo
 * loader's own in-process app, scripts/load-demo-plan.ts). `off` is for replaying records of units that have since
 * been retired (the load test drives the pre-reform chain on today's clock); any other value is an error at
 * start-up, not a silent default.
 */
export function unitValidityOf(env: NodeJS.ProcessEnv): boolean {
  const value = env.HOSO_UNIT_VALIDITY;
  if (value === undefined || value === '' || value === 'enforce') return true;
  if (value === 'off') return false;
  throw new RangeError(`HOSO_UNIT_VALIDITY must be enforce or off, not ${value}`);
}
