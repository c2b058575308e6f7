/**
 * Bounds on uploads not yet attached to a dossier (an upload is attached when form data that references it is
 * stored). Without them one account could fill the database with 8 MiB files that nothing references.
 */
export interface UploadLimits {
  /** Unattached uploads one user may hold at once (the upload past it is 429 `upload_quota_exceeded`). */
  maxUnattachedFiles: number;
  /** Bytes of unattached uploads one user may hold at once (likewise). */
  maxUnattachedBytes: number;
  /** An unattached upload older than this is removed by the sweep (createUploadSweeper), in ms. */
  unattachedMaxAgeMs: number;
  /** How often the API process sweeps, in ms. */
  sweepIntervalMs: number;
}

export const DEFAULT_UPLOAD_LIMITS: Readonly<UploadLimits> = Object.freeze({
  maxUnattachedFiles: 50,
  maxUnattachedBytes: 100 * 1024 * 1024,
  unattachedMaxAgeMs: 7 * 86_400_000,
  sweepIntervalMs: 3_600_000,
});

const positiveInteger = (env: NodeJS.ProcessEnv, name: string, fallback: number, scale = 1): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got '${raw}'`);
  return value * scale;
};

/**
 * The limits from the environment (docs/servers.md): `HOSO_UPLOAD_QUOTA_FILES` (default 50),
 * `HOSO_UPLOAD_QUOTA_MIB` (default 100), `HOSO_UPLOAD_MAX_AGE_HOURS` (default 168, a week: long enough for a draft
 * kept over a weekend), `HOSO_UPLOAD_SWEEP_MINUTES` (default 60). Throws RangeError for a value that is not a
 * positive integer, so a typo stops the start instead of disabling a limit.
 */
export function uploadLimitsFromEnv(env: NodeJS.ProcessEnv): UploadLimits {
  return {
    maxUnattachedFiles: positiveInteger(env, 'HOSO_UPLOAD_QUOTA_FILES', DEFAULT_UPLOAD_LIMITS.maxUnattachedFiles),
    maxUnattachedBytes: positiveInteger(
      env,
      'HOSO_UPLOAD_QUOTA_MIB',
      DEFAULT_UPLOAD_LIMITS.maxUnattachedBytes,
      1024 * 1024,
    ),
    unattachedMaxAgeMs: positiveInteger(
      env,
      'HOSO_UPLOAD_MAX_AGE_HOURS',
      DEFAULT_UPLOAD_LIMITS.unattachedMaxAgeMs,
      3_600_000,
    ),
    sweepIntervalMs: positiveInteger(env, 'HOSO_UPLOAD_SWEEP_MINUTES', DEFAULT_UPLOAD_LIMITS.sweepIntervalMs, 60_000),
  };
}
