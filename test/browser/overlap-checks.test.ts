// Overlap checks in the officer app (Debian's Chromium, docs/overlap-checks.md): the commune officer starts a
// housing dossier for a household that already has one; the page shows the overlap in Vietnamese (programme, year,
// the ward's name, the other dossier's code) and asks for the reason before sending again; a missing reason is
// refused in place; the dossier opens with "Trùng đối tượng" and the reason; the earlier dossier shows the later one;
// the administrator's overlap-rules section lists the rules and shows a refused rule's problem. axe finds no serious
// violation; screenshots at desktop and phone width go to test-output/screenshots/overlap/ (not committed).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEFAULT_OVERLAP_RULES } from '../../domain/overlap/default-overlap-rules';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { example } from '../integration/support/form-examples';
import { useTestSystem } from '../integration/support/use-test-system';
import { field, fillHousingProposal } from './support/fill-housing-proposal';
import { launchChromium } from './support/launch-chromium';
import { officerSteps } from './support/officer-steps';
import { seriousAxeViolations } from './support/serious-axe-violations';

const ctx = useTestSystem(undefined, { overlapDefaults: DEFAULT_OVERLAP_RULES });
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'overlap');
const HEAD = { headName: 'Lê Thị Trùng', citizenId: '001185077701' };

let browser: Browser;
let context: BrowserContext;
let page: Page;
let earlierId: string;
/** The earlier dossier's year in Việt Nam, as the server names it (not the test machine's year, UTC in CI). */
let earlierYear: string;
/** POST /api/dossiers the page has sent. */
let creates = 0;
const problems: string[] = [];

/** A screenshot at desktop width and one at phone width. */
async function shots(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1200, height: 900 });
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
  // The app's CSP forbids inline scripts; the context bypasses it so that axe's source can be injected.
  context = await browser.newContext({
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1200, height: 900 },
    bypassCSP: true,
  });
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !/status of (409|422)/.test(m.text()) && problems.push(m.text()));
  const data = example('housing-proposal@2');
  Object.assign(data.household, HEAD);
  data.household.address.unitCode = 'HN-HD-HC';
  const earlier = await ctx.api.call('POST', '/api/dossiers', {
    as: 'xa.hacau',
    body: { processKey: 'housing-support-2024', processVersion: 4, data },
  });
  expect(earlier.status).toBe(201);
  earlierId = earlier.body.id;
  earlierYear = vietnamDate(earlier.body.openedAt).slice(0, 4);
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/dossiers') creates += 1;
  });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('overlap checks in the officer app', () => {
  it('shows the overlap, asks for a reason, and flags the dossier created anyway', async () => {
    const { login } = officerSteps(page);
    await page.goto(`${ctx.system.baseUrl}/`);
    await login('xa.hacau');
    await page.getByRole('link', { name: 'Lập hồ sơ mới' }).click();
    await page.getByRole('link', { name: 'Hỗ trợ nhà ở cho hộ nghèo, cận nghèo (xã → huyện → tỉnh)' }).click();
    const form = page.locator('form.app-form');
    await field(form, '/household/headName', 'new').waitFor();
    await fillHousingProposal(form, HEAD, 'vi', 'new');
    await page.getByRole('button', { name: 'Lập hồ sơ', exact: true }).click();

    const prompt = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Trùng đối tượng' }) });
    await prompt.waitFor();
    await expect(prompt.textContent()).resolves.toContain(
      `Hỗ trợ nhà ở (xây mới) · năm ${earlierYear} · Phường Hà Cầu · hồ sơ ${earlierId}`,
    );
    await expect(prompt.textContent()).resolves.toContain('1 hồ sơ trùng lặp');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shots('01-overlap-found');

    // No reason: refused in place, nothing sent.
    const sentBefore = creates;
    await prompt.getByRole('button', { name: 'Vẫn lập hồ sơ' }).click();
    await prompt.getByText('Hãy nêu lý do, từ 5 đến 1.000 ký tự').waitFor();
    expect(creates).toBe(sentBefore);
    expect(await ctx.system.models.DossierView.countDocuments()).toBe(1);

    const reason = 'Nhà bị sạt lở sau bão, cần hỗ trợ lại';
    await prompt.getByLabel('Lý do vẫn lập hồ sơ').fill(reason);
    await prompt.getByRole('button', { name: 'Vẫn lập hồ sơ' }).click();
    await page.locator('main.app-workspace').waitFor();
    const flag = page.locator('section.app-overlap-flag');
    await flag.getByRole('heading', { name: 'Trùng đối tượng' }).waitFor();
    await expect(flag.textContent()).resolves.toContain(`hồ sơ ${earlierId}`);
    await expect(flag.textContent()).resolves.toContain(`Vẫn lập hồ sơ, lý do: ${reason}`);
    await expect(flag.textContent()).resolves.toContain('Phường Hà Cầu');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shots('02-dossier-flagged');

    // The earlier dossier shows the later one.
    const laterId = (await page.locator('main.app-workspace').getAttribute('data-dossier-id'))!;
    await flag.getByRole('link', { name: earlierId }).click();
    await page.locator(`main[data-dossier-id="${earlierId}"]`).waitFor();
    await expect(page.locator('section.app-overlap-flag').textContent()).resolves.toContain(`hồ sơ ${laterId}`);
    await shots('03-earlier-dossier');
    await officerSteps(page).logout();
  });

  it("lists the rules in the administrator's section and shows a refused rule's problem", async () => {
    await officerSteps(page).login('admin.hanoi');
    await page.goto(`${ctx.system.baseUrl}/admin/overlap-rules`);
    await page.locator('tr[data-overlap-rule="housing-10-years"]').waitFor();
    await expect(page.locator('tr[data-overlap-rule="housing-10-years"]').textContent()).resolves.toContain(
      'hộ · trong 10 năm',
    );
    await page.getByText('Đang áp dụng quy tắc mặc định').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shots('04-admin-rules');

    const json = page.getByLabel('Quy tắc (JSON)');
    await json.fill(JSON.stringify([{ ...DEFAULT_OVERLAP_RULES[0], window: { years: 0 } }]));
    await page.getByRole('button', { name: 'Lưu quy tắc' }).click();
    await page.getByRole('alert').filter({ hasText: '/rules/0/window' }).waitFor();
    await shots('05-admin-rules-refused');
    expect((await ctx.api.call('GET', '/api/admin/overlap-rules', { as: 'admin.hanoi' })).body.custom).toBe(false);
    expect(problems).toEqual([]);
  });
});
