/** The longest interval accepted: a week (and below Node's timer limit of about 24.8 days). */
const MAX_MINUTES = 7 * 24 * 60;

/**
 * `HOSO_SLA_RECONCILE_INTERVAL_MINUTES`: minutes between the worker's SLA counter reconciles (see
 * startSlaReconcileSchedule), as milliseconds; default 60, 0 disables. Anything else than a whole number from 0 to a
 * week throws a RangeError naming the variable, so the worker refuses to start with a typo.
 */
export function slaReconcileIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.HOSO_SLA_RECONCILE_INTERVAL_MINUTES;
  if (raw === undefined || raw.trim() === '') return 60 * 60_000;
  const minutes = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || minutes > MAX_MINUTES) {
    throw new RangeError(
      `HOSO_SLA_RECONCILE_INTERVAL_MINUTES must be a whole number of minutes from 0 (off) to ${MAX_MINUTES}, got '${raw}'`,
    );
  }
  return minutes * 60_000;
}
