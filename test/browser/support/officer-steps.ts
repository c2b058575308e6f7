import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../scripts/demo-accounts';
import { decisionPanel } from './fill-housing-steps';

/**
 * What an officer does in the app between decisions, for browser tests: sign in and out with a demo account, open
 * a dossier from the inbox, and take an action (waiting until the workspace's timeline shows it).
 */
export function officerSteps(page: Page) {
  return {
    async login(username: string): Promise<void> {
      await page.getByLabel('Tên đăng nhập').fill(username);
      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    },
    async logout(): Promise<void> {
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    },
    /** Opens the dossier from the inbox (it must be there) and waits for the workspace. */
    async openFromInbox(dossierId: string): Promise<void> {
      await page.getByRole('link', { name: 'Hộp hồ sơ' }).click();
      const row = page.locator(`tr[data-dossier-id="${dossierId}"]`);
      await row.waitFor();
      await row.getByRole('link', { name: dossierId }).click();
      await page.locator(`main[data-dossier-id="${dossierId}"]`).waitFor();
    },
    /** Clicks an action button and waits until the workspace shows the dossier after it. */
    async act(name: string): Promise<void> {
      const seq = await page.locator('.app-timeline-entry').count();
      await decisionPanel(page).getByRole('button', { name, exact: true }).click();
      await page.waitForFunction(
        (n) => (globalThis as any).document.querySelectorAll('.app-timeline-entry').length > n,
        seq,
      );
    },
  };
}
