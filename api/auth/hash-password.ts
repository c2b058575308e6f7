import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost parameters: N (CPU/memory cost, a power of two), r (block size), p (parallelism). */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's password storage guidance for scrypt: N = 2^17, r = 8, p = 1 (128 MiB, about 0.3 s on one core). */
export const SCRYPT_PARAMS: Readonly<ScryptParams> = { N: 2 ** 17, r: 8, p: 1 };
/**
 * A low cost for test systems only (N = 2^10, 1 MiB, about a millisecond): their suites sign in hundreds of demo
 * users, each at 0.3 s or more at SCRYPT_PARAMS. Injected through createApp's `passwordParams` and seedDemoData;
 * never a default.
 */
export const TEST_SCRYPT_PARAMS: Readonly<ScryptParams> = { N: 2 ** 10, r: 8, p: 1 };
/** What `scrypt$<salt>$<key>` hashes (before parameters were stored) were made with: Node's defaults. */
const LEGACY_PARAMS: Readonly<ScryptParams> = { N: 2 ** 14, r: 8, p: 1 };
/** The most a stored hash may ask for, so a corrupted or planted hash cannot make a login take a gigabyte. */
const MAX_PARAMS: Readonly<ScryptParams> = { N: 2 ** 20, r: 32, p: 16 };
const KEY_LENGTH = 32;

/** scrypt needs 128·N·r·p bytes; Node refuses anything over `maxmem` (32 MiB by default), so it is set to fit. */
const optionsOf = ({ N, r, p }: ScryptParams): ScryptOptions => ({ N, r, p, maxmem: 128 * N * r * p + 1024 * 1024 });

const derive = (password: string, salt: Buffer, keylen: number, params: ScryptParams): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scrypt(password, salt, keylen, optionsOf(params), (error, key) => (error ? reject(error) : resolve(key))),
  );

/**
 * `scrypt$<N>$<r>$<p>$<salt hex>$<key hex>`: a salted scrypt hash (node:crypto, no native add-on) that names its own
 * parameters, so hashes made with other parameters keep verifying after the defaults change.
 */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, KEY_LENGTH, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('hex')}$${key.toString('hex')}`;
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

const HEX = /^(?:[0-9a-f]{2})+$/;

/** The stored hash's parts, or undefined when it is malformed or asks for more than MAX_PARAMS. */
function parse(stored: string): ParsedHash | undefined {
  const parts = stored.split('$');
  if (parts[0] !== 'scrypt') return undefined;
  let params: ScryptParams;
  let saltHex: string | undefined;
  let keyHex: string | undefined;
  if (parts.length === 3) {
    params = LEGACY_PARAMS;
    [, saltHex, keyHex] = parts;
  } else if (parts.length === 6) {
    const [N, r, p] = parts.slice(1, 4).map((part) => (/^[1-9][0-9]{0,7}$/.test(part!) ? Number(part) : NaN));
    params = { N: N!, r: r!, p: p! };
    [, , , , saltHex, keyHex] = parts;
  } else return undefined;
  const { N, r, p } = params;
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > MAX_PARAMS.N || !(r >= 1 && r <= MAX_PARAMS.r) || !(p >= 1 && p <= MAX_PARAMS.p)) {
    return undefined;
  }
  if (!saltHex || !keyHex || !HEX.test(saltHex) || !HEX.test(keyHex) || keyHex.length > 128) return undefined;
  return { params, salt: Buffer.from(saltHex, 'hex'), key: Buffer.from(keyHex, 'hex') };
}

/** Constant-time comparison; false (never a throw) for a malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.key.length, parsed.params);
  return actual.length === parsed.key.length && timingSafeEqual(actual, parsed.key);
}

/** True when the hash was made with other parameters than `current` (or cannot be read): hash again at login. */
export function needsRehash(stored: string, current: ScryptParams = SCRYPT_PARAMS): boolean {
  const params = parse(stored)?.params;
  return !params || params.N !== current.N || params.r !== current.r || params.p !== current.p;
}

const dummies = new Map<string, Promise<string>>();

/**
 * A hash of a random password with the current parameters, made once per process. A login for an unknown, inactive
 * or locked account is verified against it, so it takes as long as a wrong password for a real account and its
 * timing does not tell which usernames exist.
 */
export function dummyPasswordHash(params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const key = `${params.N}$${params.r}$${params.p}`;
  let dummy = dummies.get(key);
  if (!dummy) dummies.set(key, (dummy = hashPassword(randomBytes(16).toString('hex'), params)));
  return dummy;
}
