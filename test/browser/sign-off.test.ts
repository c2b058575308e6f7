// Parallel sign-off in the officer app, in Debian's Chromium against a real system: the year-end poverty review of
// Phường Hà Cầu (poverty-review-2024@1) waits for the Fatherland Front, the mass organisations and a residential-group
// head; the group head has signed. The Front's chair opens the dossier and sees who has signed (by name and title,
// when, with the comment) and who is awaited (by title, with the names of those who may sign), signs with the
// button "Ký xác nhận", and is then told the dossier waits for the others. Screenshots at desktop and phone width go to
// test-output/screenshots/sign-off/ (not committed); axe checks the page at both widths.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { example } from '../integration/support/form-examples';
import { useTestSystem } from '../integration/support/use-test-system';
import { openAppPage } from './support/open-app-page';
import { seriousAxeViolationsAtBothWidths } from './support/serious-axe-violations';

const ctx = useTestSystem();
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'sign-off');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  ({ browser, context, page, problems } = await openAppPage(SCREENSHOTS));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const shot = (p: Page, name: string) => p.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** A review list at the sign-off step, signed by the residential-group head with a comment. */
async function signedByTheGroupHead(): Promise<string> {
  const created = await ctx.api.call('POST', '/api/dossiers', {
    as: 'xa.hacau',
    body: { processKey: 'poverty-review-2024', processVersion: 1, data: example('poverty-review-list@1') },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect(
    (await ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as: 'xa.hacau', body: { action: 'submit' } })).status,
  ).toBe(200);
  const signed = await ctx.api.call('POST', `/api/dossiers/${id}/actions`, {
    as: 'totruong.hacau',
    body: { action: 'approve', comment: 'Tổ dân phố số 3 nhất trí danh sách' },
  });
  expect([signed.status, signed.body.currentStep]).toEqual([200, 'sign-off']);
  return id;
}

async function openAs(p: Page, user: string, id: string) {
  await p.goto(`${ctx.system.baseUrl}/`);
  await p.getByLabel('Tên đăng nhập').fill(user);
  await p.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await p.getByRole('button', { name: 'Đăng nhập' }).click();
  await p.getByRole('link', { name: 'Hộp hồ sơ' }).first().waitFor();
  await p.goto(`${ctx.system.baseUrl}/dossiers/${encodeURIComponent(id)}`);
  await p.locator('section[data-sign-off]').waitFor();
}

describe('a sign-off step in the officer app', () => {
  it('shows who has signed and who is awaited, and takes the signature of an awaited signer', async () => {
    const id = await signedByTheGroupHead();
    await openAs(page, 'mttq.hacau', id);
    const section = page.locator('section[data-sign-off]');
    await expect(section.getByRole('heading', { name: 'Ký xác nhận' }).isVisible()).resolves.toBe(true);
    const signed = section.locator('li[data-signed="yes"]');
    const awaited = section.locator('li[data-signed="no"]');
    expect(await signed.count()).toBe(1);
    expect(await awaited.count()).toBe(2);
    const groupHead = await signed.innerText();
    expect(groupHead).toContain('Trưởng ấp/thôn, tổ dân phố');
    expect(groupHead).toContain('Bùi Thị Lan — Tổ trưởng tổ dân phố số 3, Phường Hà Cầu');
    expect(groupHead).toContain('Tổ dân phố số 3 nhất trí danh sách');
    expect(groupHead).not.toContain('totruong.hacau');
    const waiting = await awaited.allInnerTexts();
    expect(waiting.join('\n')).toContain('Chờ ký');
    expect(waiting.join('\n')).toContain('Trần Thị Minh Hà — Chủ tịch Ủy ban MTTQ Phường Hà Cầu');
    expect(waiting.join('\n')).toContain('Lê Thị Thu Hằng — Chủ tịch Hội Liên hiệp Phụ nữ Phường Hà Cầu');
    expect(await section.innerText()).toContain('Đã ký 1/3');
    await shot(page, '01-awaited-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await section.scrollIntoViewIfNeeded();
    await shot(page, '02-awaited-phone');
    await page.setViewportSize({ width: 1200, height: 900 });

    await page.getByRole('button', { name: 'Ký xác nhận' }).click();
    await page.getByText('Bạn đã ký xác nhận bước này; hồ sơ chờ các bên còn lại.').waitFor();
    expect(await section.innerText()).toContain('Đã ký 2/3');
    // Signed: no second signature offered, a return or a rejection still is.
    expect(await page.getByRole('button', { name: 'Ký xác nhận' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Trả lại để chỉnh sửa danh sách' }).count()).toBe(1);
    expect(await page.locator('.app-timeline').innerText()).toContain('Ký xác nhận (2/3)');
    await shot(page, '03-signed-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, '04-signed-phone');
    await page.setViewportSize({ width: 1200, height: 900 });
    const state = await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'xa.hacau' });
    expect(state.body.signOff).toMatchObject({ signed: 2, needed: 3 });
    expect(problems).toEqual([]);
  });

  it('passes axe at desktop and phone width', async () => {
    const id = await signedByTheGroupHead();
    // axe's source is injected, which the app's CSP forbids: this context bypasses it (the test above keeps it).
    const axeContext = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });
    try {
      const axePage = await axeContext.newPage();
      await openAs(axePage, 'phunu.hacau', id);
      expect(await seriousAxeViolationsAtBothWidths(axePage)).toEqual([]);
    } finally {
      await axeContext.close();
    }
  });
});
