import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { DEFAULT_APP_DIST } from '../../../api/web/create-web-app-router';
import { launchBrowser, type BrowserName } from './launch-browser';

export interface AppPage {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors, CSP refusals and uncaught page errors seen so far (a test expects none at its end). */
  problems: string[];
}

/**
 * A page for the officer app (in Chromium unless `browser` says otherwise) as a person in Việt Nam sees it (vi-VN,
 * Asia/Ho_Chi_Minh, 1200×900), after checking that the app is built and creating the screenshot folder. Fails at once
 * without a build: the browser
 * tests run against `web/dist/app/` (npm run build:web), never a dev server.
 */
export async function openAppPage(
  screenshots: string,
  options: { acceptDownloads?: boolean; browser?: BrowserName } = {},
): Promise<AppPage> {
  if (!existsSync(path.join(DEFAULT_APP_DIST, 'index.html')))
    throw new Error(`no app build in ${DEFAULT_APP_DIST}: run npm run build:web`);
  mkdirSync(screenshots, { recursive: true });
  const browser = await launchBrowser(options.browser ?? 'chromium');
  const context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1200, height: 900 },
    acceptDownloads: options.acceptDownloads ?? false,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text()))
      problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return { browser, context, page, problems };
}
