import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { DEFAULT_EMBED_DIST } from '../../../api/embed/create-embed-page-router';
import { launchChromium } from './launch-chromium';
import { startHostServer, type HostServer } from './start-host-server';

/** Where the embed tests put their screenshots for reviewers. */
export const SCREENSHOTS = path.join(__dirname, '..', '..', '..', 'test-output', 'screenshots');

/**
 * The embed tests' set-up: Chromium and a portal page server on another origin for the file (the embed bundle must
 * be built: `page` of the bundle named by `builtPage`), and per test a fresh context, Vietnamese and in Việt Nam's
 * time zone (receipt dates are Vietnamese civil dates), with `options` added. Read the fields inside tests only.
 */
export function usePortalBrowser(builtPage: string, options: BrowserContextOptions = {}) {
  const state = {} as { browser: Browser; host: HostServer; context: BrowserContext; page: Page };
  beforeAll(async () => {
    if (!existsSync(path.join(DEFAULT_EMBED_DIST, builtPage)))
      throw new Error(`no embed build in ${DEFAULT_EMBED_DIST}: run npm run build:web`);
    mkdirSync(SCREENSHOTS, { recursive: true });
    [state.browser, state.host] = await Promise.all([launchChromium(), startHostServer()]);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.host?.close();
  });
  beforeEach(async () => {
    state.context = await state.browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      viewport: { width: 1000, height: 900 },
      ...options,
    });
    state.page = await state.context.newPage();
  });
  afterEach(async () => {
    await state.context?.close();
  });
  return state;
}
