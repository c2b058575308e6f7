// The inbox's search box in Debian's Chromium against a real system: the district finds a dossier by the household
// head's name typed without diacritics, or by a part of its code; the counts follow; nothing found says so.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEFAULT_APP_DIST } from '../../api/web/create-web-app-router';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { proposalIn } from '../integration/support/form-examples';
import { useTestSystem } from '../integration/support/use-test-system';
import { launchChromium } from './support/launch-chromium';

const ctx = useTestSystem();

let browser: Browser;
let context: BrowserContext;
let page: Page;
let hoa: string;
let duc: string;

async function proposeAndSend(headName: string): Promise<string> {
  const data = proposalIn('HN-HD-HC');
  data.household.headName = headName;
  const created = await ctx.api.call('POST', '/api/dossiers', {
    as: 'xa.hacau',
    body: { processKey: 'housing-support-2024', data },
  });
  expect(created.status).toBe(201);
  expect(
    (
      await ctx.api.call('POST', `/api/dossiers/${created.body.id}/actions`, {
        as: 'xa.hacau',
        body: { action: 'submit' },
      })
    ).status,
  ).toBe(200);
  return created.body.id;
}

beforeAll(async () => {
  if (!existsSync(path.join(DEFAULT_APP_DIST, 'index.html')))
    throw new Error(`no app build in ${DEFAULT_APP_DIST}: run npm run build:web`);
  browser = await launchChromium();
  context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1200, height: 900 },
  });
  page = await context.newPage();
  hoa = await proposeAndSend('Nguyễn Thị Hoa');
  duc = await proposeAndSend('Trần Văn Đức');
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/**
 * Waits until the inbox lists exactly `ids` and its counts say so (the search has been answered); fails (times out)
 * when it never does.
 */
async function expectListed(ids: string[]): Promise<void> {
  const want = [...ids].sort();
  await page.waitForFunction((w) => {
    const doc = (globalThis as any).document;
    const rows = [...doc.querySelectorAll('.app-inbox tbody tr')]
      .map((r: any) => r.getAttribute('data-dossier-id'))
      .sort();
    const counts = doc.querySelector('[data-testid="inbox-counts"]')?.textContent ?? '';
    return counts.startsWith(`Tổng số: ${w.length} `) && JSON.stringify(rows) === JSON.stringify(w);
  }, want);
}

describe('the inbox search box', () => {
  it('finds dossiers by the household head typed without diacritics and by a part of the code', async () => {
    await page.goto(`${ctx.system.baseUrl}/`);
    await page.getByLabel('Tên đăng nhập').fill('quan.hadong');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator(`tr[data-dossier-id="${duc}"]`).waitFor();
    await expectListed([hoa, duc]);

    const search = page.getByLabel('Tìm theo mã hồ sơ hoặc tên chủ hộ');
    await search.fill('nguyen thi hoa');
    await expectListed([hoa]);
    await expect(page.locator(`tr[data-dossier-id="${hoa}"]`).textContent()).resolves.toContain('Nguyễn Thị Hoa');

    // Enter applies at once; a part of the code is enough.
    await search.fill(duc.slice(-5));
    await search.press('Enter');
    await expectListed([duc]);

    await search.fill('Đức Hoa');
    await expectListed([]);
    await page.getByText('Không có hồ sơ nào đang chờ bạn.').waitFor();

    await search.fill('');
    await expectListed([hoa, duc]);
  });
});
