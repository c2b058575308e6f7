import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../scripts/demo-accounts';
import type { TestContext } from '../../integration/support/use-test-system';
import type { AppPage } from './open-app-page';
import { seriousAxeViolationsAtBothWidths } from './serious-axe-violations';

/** The text of `locator` with its white space collapsed. */
export const collapsedText = async (locator: Locator) =>
  ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/**
 * The steps an admin-pages browser test repeats, on the file's system (`ctx`) and its browser (`app()`, read once the
 * file's `beforeAll` has opened it): screenshots at both widths, signing in as someone else, axe on a page.
 */
export function adminPageSteps(ctx: TestContext, app: () => AppPage, screenshots: string) {
  async function login(page: Page, username: string): Promise<void> {
    await page.goto(`${ctx.system.baseUrl}/`);
    const signOut = page.getByRole('button', { name: 'Đăng xuất' });
    // The page's loads end first: one still on its way when the session ends is answered 401 (the server's right
    // answer, which the browser logs as a problem the tests would then see).
    await page.waitForLoadState('networkidle');
    if (await signOut.isVisible()) {
      await signOut.click();
      await page.getByLabel('Tên đăng nhập').waitFor();
    }
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await signOut.waitFor();
  }

  return {
    login,
    /** Screenshots at desktop and phone width, then back to desktop. */
    async shots(name: string): Promise<void> {
      const { page } = app();
      await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: path.join(screenshots, `${name}-phone.png`), fullPage: true });
      await page.setViewportSize({ width: 1200, height: 900 });
    },
    /**
     * axe at both widths on `pathname` as `username` sees it, in a context of its own that bypasses the CSP (axe is
     * an injected script; the test's own page keeps the CSP), after `ready` has found what the page must show.
     */
    async axeOf(username: string, pathname: string, ready: (page: Page) => Promise<void>): Promise<string[]> {
      const context = await app().browser.newContext({
        locale: 'vi-VN',
        timezoneId: 'Asia/Ho_Chi_Minh',
        bypassCSP: true,
      });
      try {
        const page = await context.newPage();
        await login(page, username);
        await page.goto(`${ctx.system.baseUrl}${pathname}`);
        await ready(page);
        return await seriousAxeViolationsAtBothWidths(page);
      } finally {
        await context.close();
      }
    },
  };
}
