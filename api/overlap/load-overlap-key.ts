import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The demo key's file under HOSO_DATA_DIR. */
export const DEMO_OVERLAP_KEY_FILE = 'overlap-key';
const MIN_BYTES = 32;

/** A missing or malformed overlap key; its message never contains the key. */
export class OverlapKeyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OverlapKeyConfigError';
  }
}

const parse = (hex: string, where: string): Buffer => {
  const key = /^[0-9a-fA-F]+$/.test(hex.trim()) ? Buffer.from(hex.trim(), 'hex') : Buffer.alloc(0);
  if (key.length < MIN_BYTES) throw new OverlapKeyConfigError(`${where} must hold at least 32 bytes as hex`);
  return key;
};

/**
 * The key of the overlap index's citizen-id hashes (HMAC-SHA-256), never from the database that holds the hashes:
 * HOSO_OVERLAP_KEY (hex, at least 32 bytes); otherwise one generated on first use into `<dataDir>/overlap-key`
 * (mode 0600) and read from there afterwards. Several API processes on different hosts must share one key (set
 * HOSO_OVERLAP_KEY). Changing the key orphans every stored hash: run `npm run overlap:reindex` afterwards
 * (docs/overlap-checks.md). Throws OverlapKeyConfigError for a malformed key; its message never contains the key.
 */
export function loadOverlapKey(options: { env: NodeJS.ProcessEnv; dataDir: string }): Buffer {
  if (options.env.HOSO_OVERLAP_KEY) return parse(options.env.HOSO_OVERLAP_KEY, 'HOSO_OVERLAP_KEY');
  const file = join(options.dataDir, DEMO_OVERLAP_KEY_FILE);
  mkdirSync(options.dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(MIN_BYTES).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return parse(readFileSync(file, 'utf8'), file);
}
