import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Flags for a headless Chromium that talks to nothing but the pages a test opens. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * Debian's `chromium` (installed by .ci/run or `apt-get install -y chromium`), found on PATH, else at
 * /usr/bin/chromium; `HOSO_CHROMIUM` overrides. Never a downloaded browser.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HOSO_CHROMIUM) return env.HOSO_CHROMIUM;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error("Chromium not found: install Debian's package (apt-get install -y chromium) or set HOSO_CHROMIUM");
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
}
