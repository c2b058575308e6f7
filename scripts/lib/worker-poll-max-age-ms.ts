/**
 * `HOSO_WORKER_POLL_MAX_AGE_SECONDS`: how old a worker's last poll may be before /healthz reports it gone (see
 * checkWorkerPolling), as milliseconds; undefined when unset (the API's default, 70 s, fits Temporal's default 60-s
 * polls). It must exceed the Temporal server's long-poll interval (`matching.longPollExpirationInterval`): `npm start`
 * sets 12 for its dev server's 5-s polls. Anything but a whole number from 1 to 600 throws a RangeError naming the
 * variable, so the API refuses to start with a typo.
 */
export function workerPollMaxAgeMs(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.HOSO_WORKER_POLL_MAX_AGE_SECONDS;
  if (raw === undefined || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || seconds < 1 || seconds > 600) {
    throw new RangeError(`HOSO_WORKER_POLL_MAX_AGE_SECONDS must be a whole number from 1 to 600, got '${raw}'`);
  }
  return seconds * 1000;
}
