// Seed 002's sponsorship quotas on the "Kế hoạch" page in Debian's Chromium against a real system: the shipped plan
// loaded as `npm run demo` loads it; quan.hadong opens it and reads, under each district body's target, the quota
// the rule derived and how (the staff, ÷ 15 rounded up, or two bodies under 10 staff together) with the source of
// the staff figures, in Vietnamese and in English; desktop and phone width; axe.
// Screenshots for reviewers go to test-output/screenshots/sponsorship-quotas/.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { loadSponsorshipQuotaPlan } from '../../scripts/seed/sponsorship-2024/load-sponsorship-quota-plan';
import { SPONSORSHIP_QUOTA_PLAN } from '../../scripts/seed/sponsorship-2024/sponsorship-quota-plan';
import { useTestSystem } from '../integration/support/use-test-system';
import { officerSteps } from './support/officer-steps';
import { openAppPage, type AppPage } from './support/open-app-page';
import { seriousAxeViolations } from './support/serious-axe-violations';

const ctx = useTestSystem();
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'sponsorship-quotas');

let app: AppPage;
let page: Page;

beforeAll(async () => {
  await loadSponsorshipQuotaPlan({ api: ctx.api, models: ctx.system.models });
  app = await openAppPage(SCREENSHOTS);
  page = app.page;
});
afterAll(async () => {
  await app?.context.close();
  await app?.browser.close();
});

const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

it('the district’s officer reads each body’s quota with how it was derived from its staff', async () => {
  await page.goto(`${ctx.system.baseUrl}/`);
  await officerSteps(page).login('quan.hadong');
  await page.getByRole('link', { name: 'Kế hoạch' }).click();
  const plan = page.locator('.plan-card', {
    has: page.getByRole('heading', { name: SPONSORSHIP_QUOTA_PLAN.title, level: 2 }),
  });
  await plan.getByRole('button', { name: 'Xem tiến độ' }).click();
  const rows = plan.locator('.plan-progress tbody tr');
  await rows.first().waitFor();
  const value = (i: number) => rows.nth(i).locator('td[data-label="Giá trị"]').textContent();
  // Six wards (≥ 2 each), then the district's bodies: Văn phòng (32 staff) first, a pair of small bodies sixth.
  await expect(value(0)).resolves.toBe('2');
  await expect(value(6)).resolves.toBe('3');
  await expect(rows.nth(6).getByTestId('staff-derivation').textContent()).resolves.toBe(
    'Chỉ tiêu tính theo số cán bộ: Văn phòng HĐND và UBND quận: 32 cán bộ ÷ 15, làm tròn lên = ít nhất 3 người ' +
      '(đơn vị 10–15 cán bộ nhận ít nhất 1 người). Nguồn số liệu: Số liệu minh họa: biên chế giao năm 2024 của các ' +
      'cơ quan, đơn vị quận Hà Đông.',
  );
  await expect(rows.nth(11).getByTestId('staff-derivation').textContent()).resolves.toContain(
    'Phòng Tư pháp (7 cán bộ) và Thanh tra quận (9 cán bộ): hai đơn vị dưới 10 cán bộ cùng nhận ít nhất 1 người',
  );
  await expect(rows.nth(0).getByTestId('staff-derivation').count()).resolves.toBe(0);
  await rows.nth(6).scrollIntoViewIfNeeded();
  await shot('desktop-quotas');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot('phone-quotas');
  await rows.nth(11).screenshot({ path: path.join(SCREENSHOTS, 'phone-quota-pair.png') });
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(rows.nth(11).getByTestId('staff-derivation').textContent()).resolves.toContain(
    'two bodies under 10 staff sponsor at least 1 person together',
  );
  await shot('phone-quotas-en');
  await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  await page.setViewportSize({ width: 1200, height: 900 });
  expect(app.problems).toEqual([]);
});

it('the plan with its derivations passes axe at desktop and phone width', async () => {
  const axeContext = await app.browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', bypassCSP: true });
  try {
    const other = await axeContext.newPage();
    await other.goto(`${ctx.system.baseUrl}/plans`);
    await officerSteps(other).login('quan.hadong');
    const plan = other.locator('.plan-card', {
      has: other.getByRole('heading', { name: SPONSORSHIP_QUOTA_PLAN.title, level: 2 }),
    });
    await plan.getByRole('button', { name: 'Xem tiến độ' }).click();
    await plan.getByTestId('staff-derivation').first().waitFor();
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await other.setViewportSize(viewport);
      expect(await seriousAxeViolations(other)).toEqual([]);
    }
  } finally {
    await axeContext.close();
  }
});
