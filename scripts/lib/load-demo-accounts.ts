import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../servers';

/** A demo account as the start banner lists it. */
export interface DemoAccount {
  username: string;
  password: string;
  roleLabel: string;
  unitName: string;
}

/**
 * The demo accounts of scripts/demo-accounts.ts, read when the banner is printed (a checkout without the file, or
 * one that fails to load, lists none: `warn` says why).
 */
export async function loadDemoAccounts(warn: (message: string) => void): Promise<readonly DemoAccount[]> {
  const path = join(repoRoot, 'scripts', 'demo-accounts.ts');
  if (!existsSync(path)) return [];
  try {
    const loaded = (await import(path)) as { DEMO_ACCOUNTS?: readonly DemoAccount[] };
    return loaded.DEMO_ACCOUNTS ?? [];
  } catch (error) {
    warn(`warning: could not read scripts/demo-accounts.ts: ${error instanceof Error ? error.message : error}`);
    return [];
  }
}
