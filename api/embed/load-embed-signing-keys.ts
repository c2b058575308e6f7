import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EmbedKeyConfigError,
  embedSigningKeysOf,
  MIN_EMBED_SECRET_BYTES,
  parseEmbedSigningKeys,
  type EmbedSigningKeys,
} from './embed-signing-keys';

/** The demo key's file under HOSO_DATA_DIR, and its kid. */
export const DEMO_KEY_FILE = 'embed-signing-key';
const DEMO_KID = 'demo';

/**
 * The embed signing keys, never from the database:
 * - HOSO_EMBED_SIGNING_KEYS, or the file HOSO_EMBED_SIGNING_KEYS_FILE names (see parseEmbedSigningKeys);
 * - otherwise, in demo mode only, one key generated on first use into `<dataDir>/embed-signing-key` (mode 0600) and
 *   read from there afterwards, so demo tokens survive restarts and every process of the installation agrees;
 * - otherwise (production) none: EmbedKeyConfigError, which the launcher turns into a refusal to start.
 * HOSO_EMBED_SECRET (the single key of earlier versions) is no longer read: set alone, it is an error whose message
 * says how to list it (docs/operations.md, "Embed signing keys"). Throws EmbedKeyConfigError for any problem; its
 * message never contains a secret.
 */
export function loadEmbedSigningKeys(options: {
  env: NodeJS.ProcessEnv;
  mode: 'demo' | 'production';
  dataDir: string;
}): EmbedSigningKeys {
  const { env } = options;
  if (env.HOSO_EMBED_SIGNING_KEYS) return parseEmbedSigningKeys(env.HOSO_EMBED_SIGNING_KEYS);
  if (env.HOSO_EMBED_SIGNING_KEYS_FILE) {
    let text: string;
    try {
      text = readFileSync(env.HOSO_EMBED_SIGNING_KEYS_FILE, 'utf8');
    } catch (error) {
      throw new EmbedKeyConfigError(
        `HOSO_EMBED_SIGNING_KEYS_FILE cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    return parseEmbedSigningKeys(text);
  }
  if (env.HOSO_EMBED_SECRET) {
    throw new EmbedKeyConfigError(
      'HOSO_EMBED_SECRET is no longer read: set HOSO_EMBED_SIGNING_KEYS="new:<new secret> legacy:<the old secret>" so ' +
        'that tokens signed with it keep working (docs/operations.md, "Embed signing keys")',
    );
  }
  if (options.mode === 'production') {
    throw new EmbedKeyConfigError(
      'production needs HOSO_EMBED_SIGNING_KEYS or HOSO_EMBED_SIGNING_KEYS_FILE ("kid:secret", a secret of at ' +
        'least 32 bytes, e.g. k1:$(openssl rand -hex 32)); demo mode (npm run demo) generates one',
    );
  }
  return embedSigningKeysOf([{ kid: DEMO_KID, secret: demoKey(options.dataDir) }]);
}

/**
 * The demo key from its file, creating it first if missing; of processes racing to create it, one file wins. A file
 * that does not hold at least 32 bytes of hex is refused (EmbedKeyConfigError) rather than used or replaced.
 */
function demoKey(dataDir: string): Buffer {
  const file = join(dataDir, DEMO_KEY_FILE);
  const read = () => {
    const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
    if (key.length < MIN_EMBED_SECRET_BYTES) throw new EmbedKeyConfigError(`${file} does not hold a 32-byte hex key`);
    return key;
  };
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return read();
}
