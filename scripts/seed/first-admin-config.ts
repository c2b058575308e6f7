import { readFileSync } from 'node:fs';
import { DEMO_PASSWORD } from '../demo-accounts';

/** The first administrator a production installation creates, from HOSO_ADMIN_* (docs/operations.md). */
export interface FirstAdminConfig {
  username: string;
  password: string;
  unitCode: string;
  /** HOSO_ADMIN_UNIT_NAME: the province's name, needed only when the unit does not exist yet. */
  unitName: string | undefined;
}

/** A refusal to go on with the configured first administrator; its message never contains the password. */
export class FirstAdminConfigError extends Error {
  override readonly name = 'FirstAdminConfigError';
}

export const MIN_ADMIN_PASSWORD_LENGTH = 12;

/** scripts/seed.ts's exit code for a FirstAdminConfigError, logged as "seed refused" with its reason. */
export const SEED_REFUSED_EXIT_CODE = 3;
const WEAK_WORDS = ['password', 'matkhau', 'changeme', 'change-me', 'admin', 'qwerty', '123456', 'demo'];

/** Why `password` is too weak for `username`, or undefined if it is acceptable. */
export function weakPasswordReason(password: string, username: string): string | undefined {
  const lower = password.toLowerCase();
  if (password === DEMO_PASSWORD) return 'is the published demo password';
  if (password.length < MIN_ADMIN_PASSWORD_LENGTH) return `is shorter than ${MIN_ADMIN_PASSWORD_LENGTH} characters`;
  if (new Set(password).size < 6) return 'has fewer than 6 different characters';
  if (username && lower.includes(username.toLowerCase())) return 'contains the username';
  const word = WEAK_WORDS.find((w) => lower.includes(w));
  if (word) return `contains "${word}"`;
  return undefined;
}

/**
 * The first administrator's settings, or undefined when none of HOSO_ADMIN_USERNAME, HOSO_ADMIN_PASSWORD,
 * HOSO_ADMIN_PASSWORD_FILE is set. Throws FirstAdminConfigError when they are set but incomplete, the password file
 * cannot be read, or the password is weak (see weakPasswordReason): a production start refuses rather than creating
 * an administrator anybody could guess. A password file's trailing new line is not part of the password.
 */
export function firstAdminConfigOf(env: NodeJS.ProcessEnv): FirstAdminConfig | undefined {
  const username = env.HOSO_ADMIN_USERNAME?.trim() ?? '';
  if (!username && !env.HOSO_ADMIN_PASSWORD && !env.HOSO_ADMIN_PASSWORD_FILE) return undefined;
  let password = env.HOSO_ADMIN_PASSWORD ?? '';
  if (env.HOSO_ADMIN_PASSWORD_FILE) {
    try {
      password = readFileSync(env.HOSO_ADMIN_PASSWORD_FILE, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new FirstAdminConfigError(
        `HOSO_ADMIN_PASSWORD_FILE cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
  }
  const unitCode = env.HOSO_ADMIN_UNIT?.trim() ?? '';
  const missing = [
    ...(username ? [] : ['HOSO_ADMIN_USERNAME']),
    ...(password ? [] : ['HOSO_ADMIN_PASSWORD or HOSO_ADMIN_PASSWORD_FILE']),
    ...(unitCode ? [] : ['HOSO_ADMIN_UNIT']),
  ];
  if (missing.length > 0) throw new FirstAdminConfigError(`the first administrator needs ${missing.join(', ')}`);
  const weak = weakPasswordReason(password, username);
  if (weak) throw new FirstAdminConfigError(`the first administrator's password ${weak}; choose a stronger one`);
  return { username, password, unitCode, unitName: env.HOSO_ADMIN_UNIT_NAME?.trim() || undefined };
}
