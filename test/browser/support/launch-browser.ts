import type { Browser } from 'playwright-core';
import { launchChromium } from './launch-chromium';
import { launchFirefox } from './launch-firefox';

/** The browsers the tests drive: the system's own builds (Debian's chromium and firefox-esr), never downloaded ones. */
export type BrowserName = 'chromium' | 'firefox';

const launchers: Record<BrowserName, () => Promise<Browser>> = { chromium: launchChromium, firefox: launchFirefox };

/** Launches `name` headless with the settings of its launcher (test/browser/support/launch-<name>.ts). */
export function launchBrowser(name: BrowserName): Promise<Browser> {
  return launchers[name]();
}
