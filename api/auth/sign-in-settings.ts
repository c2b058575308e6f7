/** How long sessions last and how failed sign-ins are throttled; the defaults suit production. */
export interface SignInSettings {
  /** Life of an access (bearer) token; a refresh gives a new one. */
  accessTokenSeconds: number;
  /** Absolute life of a session from its login: refreshing never takes it past this. */
  sessionHours: number;
  /** Length of the fixed windows failed sign-ins are counted in. */
  throttleWindowSeconds: number;
  /** Failed sign-ins of one account per window before further attempts are 429. */
  failuresPerAccount: number;
  /** Failed sign-ins from one client address per window (whatever the usernames) before further attempts are 429. */
  failuresPerAddress: number;
  /** Consecutive failed sign-ins of an account that lock it until an administrator unlocks it. */
  lockAfterFailures: number;
}

export const DEFAULT_SIGN_IN_SETTINGS: Readonly<SignInSettings> = {
  accessTokenSeconds: 15 * 60,
  sessionHours: 12,
  throttleWindowSeconds: 15 * 60,
  failuresPerAccount: 5,
  failuresPerAddress: 20,
  lockAfterFailures: 10,
};

/**
 * The settings from the environment, the one place they are read: `HOSO_ACCESS_TOKEN_SECONDS` (10 to 3600; a short
 * life lets a test watch a refresh) over the defaults. A value out of range is an error at start-up, not a silent
 * default.
 */
export function signInSettingsFromEnv(env: NodeJS.ProcessEnv): SignInSettings {
  const settings = { ...DEFAULT_SIGN_IN_SETTINGS };
  const access = env.HOSO_ACCESS_TOKEN_SECONDS;
  if (access !== undefined && access !== '') {
    const seconds = Number(access);
    if (!Number.isInteger(seconds) || seconds < 10 || seconds > 3600) {
      throw new RangeError(`HOSO_ACCESS_TOKEN_SECONDS must be an integer from 10 to 3600, not ${access}`);
    }
    settings.accessTokenSeconds = seconds;
  }
  return settings;
}
