import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { firefox, type Browser } from 'playwright-core';
import { installStockFirefoxShim } from './stock-firefox-shim';

/**
 * Debian's `firefox-esr` (installed by .ci/run or `apt-get install -y firefox-esr`), else a `firefox` on PATH;
 * `HOSO_FIREFOX` overrides. Undefined when there is none. Never a downloaded browser.
 */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.HOSO_FIREFOX) return env.HOSO_FIREFOX;
  for (const name of ['firefox-esr', 'firefox']) {
    for (const dir of (env.PATH ?? '').split(delimiter)) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * Preferences of the profile Playwright creates. `remote.events.async.mouse.enabled`: WebDriver BiDi dispatches
 * the mouse actions as native widget events from the parent process, which routes them into cross-origin iframes
 * (their own processes) as a real mouse does; Firefox ESR's default dispatches them in the top page's process,
 * where a click on the embed's iframe lands on the <iframe> element and never reaches the form.
 */
const FIREFOX_PREFS = { 'remote.events.async.mouse.enabled': true };

/**
 * The headless window's size. Those native mouse events land only inside the window, and headless Firefox opens
 * a 1366×768 one, shorter than the tests' 1200×900 viewport: a click below 768 px was lost. Playwright fits the
 * window to the viewport within this size.
 */
const HEADLESS_WINDOW = { MOZ_HEADLESS_WIDTH: '1920', MOZ_HEADLESS_HEIGHT: '1200' };

/**
 * Stock Firefox driven by playwright-core over WebDriver BiDi (the `moz-firefox` channel: no Playwright-patched
 * build; see stock-firefox-shim.ts), headless, with a fresh profile.
 */
export async function launchFirefox(): Promise<Browser> {
  const executablePath = findFirefox();
  if (!executablePath)
    throw new Error("Firefox not found: install Debian's package (apt-get install -y firefox-esr) or set HOSO_FIREFOX");
  installStockFirefoxShim();
  return firefox.launch({
    channel: 'moz-firefox',
    executablePath,
    headless: true,
    firefoxUserPrefs: FIREFOX_PREFS,
    env: { ...process.env, ...HEADLESS_WINDOW },
  });
}
