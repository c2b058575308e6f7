// The working calendar's page in Debian's Chromium against a real system: admin.quocgia (the national administrator)
// reads each 2026 day off with the document behind it (and the one whose document was not found), then loads a 2027
// schedule as published — a line that is no date is refused before anything is sent, a day off on a Saturday is
// refused by the API and shown on its line, and the corrected schedule is stored with its notice and read back with
// its sources. Screenshots at desktop and phone width go to test-output/screenshots/admin/ (not committed).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { useTestSystem } from '../integration/support/use-test-system';
import { launchChromium } from './support/launch-chromium';

const ctx = useTestSystem();
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'admin');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1200, height: 900 },
  });
  page = await context.newPage();
  problems = [];
  page.on('console', (m: ConsoleMessage) => {
    // The 422 the test provokes is logged by Chromium as a failed resource; anything else is a problem.
    if (
      (m.type() === 'error' && !/status of 422/.test(m.text())) ||
      /Content Security Policy|Refused to/i.test(m.text())
    )
      problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** A full-page screenshot at desktop width and one at phone width. */
async function shots(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1200, height: 900 });
}

async function showYear(year: string): Promise<void> {
  await page.getByLabel('Phạm vi lịch (mã tỉnh/thành)').fill('VN');
  await page.getByLabel('Năm', { exact: true }).fill(year);
  await page.getByRole('button', { name: 'Xem', exact: true }).click();
  await page.locator(`[data-calendar="VN:${year}"]`).waitFor();
}

describe('the published calendar on the administration page', () => {
  it('shows each day with its document and loads the next year’s schedule with its notice', async () => {
    await page.goto(`${ctx.system.baseUrl}/admin/calendar`);
    await page.getByLabel('Tên đăng nhập').fill('admin.quocgia');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    await showYear('2026');
    const swap = page.locator('tr[data-date="2026-01-02"]');
    expect(await swap.textContent()).toContain('12729/VPCP-KGVX ngày 25/12/2025 (Văn phòng Chính phủ)');
    expect(await page.locator('tr[data-date="2026-01-10"]').textContent()).toContain('Làm bù cho ngày 02/01');
    expect(await page.locator('tr[data-date="2026-09-01"]').textContent()).toContain('Chưa tìm được văn bản');
    await shots('calendar-sources');

    await showYear('2027');
    await page.getByLabel('Số văn bản (ví dụ: 9441/TB-BNV)').fill('1234/TB-BNV');
    await page.getByLabel('Ngày văn bản').fill('20/11/2026');
    await page.getByLabel('Cơ quan ban hành').fill('Bộ Nội vụ');
    const daysOff = page.getByLabel('Ngày nghỉ vào ngày thường', { exact: false });
    const workingDays = page.getByLabel('Ngày làm bù vào thứ Bảy, Chủ nhật', { exact: false });
    // A line that is no date never leaves the browser.
    await daysOff.fill('01/01/2027 Tết Dương lịch\n31/02/2027 Sai ngày');
    await workingDays.fill('');
    await page.getByRole('button', { name: 'Nạp lịch' }).click();
    await expect(page.locator('#schedule-days-off-error').textContent()).resolves.toContain('Dòng 2');
    // A day off on a Saturday is refused by the API, on its line, in Vietnamese.
    await daysOff.fill('01/01/2027 Tết Dương lịch\n02/01/2027 Thứ Bảy\n04/01/2027 Nghỉ hoán đổi');
    await workingDays.fill('09/01/2027 Làm bù cho ngày 04/01');
    await page.getByRole('button', { name: 'Nạp lịch' }).click();
    await expect(page.locator('#schedule-days-off-error').textContent()).resolves.toContain(
      'Dòng 2: Ngày nghỉ 02/01/2027 là thứ Bảy hoặc Chủ nhật',
    );
    await shots('calendar-load-refused');

    await daysOff.fill('01/01/2027 Tết Dương lịch\n04/01/2027 Nghỉ hoán đổi');
    await page.getByRole('button', { name: 'Nạp lịch' }).click();
    await page.getByText('Đã nạp lịch năm 2027 theo 1234/TB-BNV ngày 20/11/2026 của Bộ Nội vụ.').waitFor();
    // Each form once, however often the year was shown and reloaded.
    expect(await page.getByRole('heading', { name: 'Đánh dấu một ngày' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Nạp lịch nghỉ lễ, Tết đã công bố' }).count()).toBe(1);
    expect(await page.locator('tr[data-date="2027-01-04"]').textContent()).toContain(
      '1234/TB-BNV ngày 20/11/2026 (Bộ Nội vụ)',
    );
    await shots('calendar-loaded');

    const stored = await ctx.api.call('GET', '/api/calendars/VN/2027', { as: 'admin.hanoi' });
    expect(stored.body).toMatchObject({
      publication: { document: '1234/TB-BNV', date: '2026-11-20', issuer: 'Bộ Nội vụ' },
      workingDays: [{ date: '2027-01-09', name: 'Làm bù cho ngày 04/01' }],
    });
    expect(stored.body.daysOff.map((d: { date: string }) => d.date)).toEqual(['2027-01-01', '2027-01-04']);
    expect(problems).toEqual([]);
  });
});
