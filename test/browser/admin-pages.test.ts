// The administration pages of the officer app in Debian's Chromium against a real system: admin.hanoi publishes
// housing-proposal@90 (a changed title; test versions are numbered from 90, so the shipped versions can take the
// next numbers) after reviewing its diff and preview, then housing-support-2024@90 pinning it; a dossier started
// afterwards uses the new form version while one started before keeps the shipped latest, housing-proposal@2. A broken
// definition, a conflicting republish and bad JSON are refused in place; a form that cannot be drawn says so. An embed
// token is created (field errors
// first) and its snippets read and copied; a user is created, given a grant, unlocked after a sign-in lockout,
// signed out everywhere, deactivated. Screenshots for reviewers
// go to test-output/screenshots/admin/ (not committed).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { DEFAULT_APP_DIST } from '../../api/web/create-web-app-router';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { proposalIn } from '../integration/support/form-examples';
import { closeCalendar } from '../integration/support/close-calendar';
import { createFlaggedDossier } from '../integration/support/create-flagged-dossier';
import { useTestSystem } from '../integration/support/use-test-system';
import { launchChromium } from './support/launch-chromium';
import { createAuditSealer } from '../../storage/audit-chain/create-audit-sealer';

const ctx = useTestSystem();
const ROOT = path.join(__dirname, '..', '..');
const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots', 'admin');
const readJson = (p: string) => JSON.parse(readFileSync(path.join(ROOT, p), 'utf8'));

let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  if (!existsSync(path.join(DEFAULT_APP_DIST, 'index.html')))
    throw new Error(`no app build in ${DEFAULT_APP_DIST}: run npm run build:web`);
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
    // A refused request (the 409/422 the test provokes) is logged by Chromium as a failed resource; anything else is a
    // problem.
    if (
      (m.type() === 'error' && !/status of (409|422)/.test(m.text())) ||
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

const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
const url = (p: string) => `${ctx.system.baseUrl}${p}`;

async function login(username: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

async function createDossier(): Promise<{ id: string; forms: string[] }> {
  const res = await ctx.api.call('POST', '/api/dossiers', {
    as: 'xa.hacau',
    body: { processKey: 'housing-support-2024', data: proposalIn('HN-HD-HC') },
  });
  expect(res.status).toBe(201);
  return { id: res.body.id, forms: await formsOf(res.body.id) };
}

async function formsOf(id: string): Promise<string[]> {
  const res = await ctx.api.call('GET', `/api/dossiers/${id}`, { as: 'admin.hanoi' });
  expect(res.status).toBe(200);
  return Object.values(res.body.submissions as Record<string, { form: string }>).map((s) => s.form);
}

/** Pastes a definition into the publish panel and asks for the review. */
async function review(kind: 'biểu mẫu' | 'quy trình', json: unknown): Promise<void> {
  await page.getByLabel('Loại định nghĩa').selectOption({ label: kind });
  await page.getByLabel('Dán nội dung JSON').fill(typeof json === 'string' ? json : JSON.stringify(json, null, 2));
  await page.getByRole('button', { name: 'Xem trước thay đổi' }).click();
}

describe('the administration pages', () => {
  it('are reachable from the header for an administrator only', async () => {
    await page.goto(url('/'));
    await login('xa.hacau');
    expect(await page.getByRole('link', { name: 'Quản trị' }).count()).toBe(0);
    await page.goto(url('/admin/registry'));
    await page.getByText('Trang này dành cho người có vai trò quản trị.').waitFor();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await login('admin.hanoi');
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await page.getByRole('heading', { name: 'Quy trình và biểu mẫu', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/registry');
    await page.locator('tr[data-ref="housing-proposal@1"]').waitFor();
  });

  it('publishes a new form version after its diff and preview; new dossiers use it, old ones keep theirs', async () => {
    const before = await createDossier();
    expect(before.forms).toEqual(['housing-proposal@2']);

    // Bad JSON and the wrong kind never leave the browser.
    await review('biểu mẫu', '{ "key": ');
    await page.getByText(/^Không đọc được JSON:/).waitFor();
    await review('biểu mẫu', readJson('domain/process/definitions/housing-support-2024@2.json'));
    await page.getByText('Nội dung này không phải biểu mẫu.').waitFor();
    // A schema the form renderer cannot draw leaves the page standing, with the reason in place of the preview.
    const logged = problems.length;
    await review('biểu mẫu', {
      key: 'broken-form',
      version: 1,
      title: { vi: 'Hỏng', en: 'Broken' },
      schema: { type: 'object', properties: { a: { $ref: '#/nowhere' } } },
    });
    await page.getByText(/^Không hiển thị được biểu mẫu này:/).waitFor();
    // React reports the error its boundary caught on the console; that one is expected, and no page error.
    expect(problems.slice(logged).filter((p) => !p.startsWith('error: '))).toEqual([]);
    problems.splice(logged);

    const shipped = readJson('forms/definitions/housing-proposal@3.json');
    const newTitle = `${shipped.title.vi} (mẫu 2026)`;
    const v90 = {
      ...shipped,
      version: 90,
      schema: { ...shipped.schema, $id: shipped.schema.$id.replace('@3', '@90') },
      title: { ...shipped.title, vi: newTitle },
    };
    await review('biểu mẫu', v90);
    const titleRow = page.locator('.app-review tr[data-path="/title/vi"]');
    await titleRow.waitFor();
    expect(await titleRow.textContent()).toContain(newTitle);
    expect(await page.locator('.app-review caption').first().textContent()).toBe(
      `Thay đổi so với «${shipped.title.vi}», phiên bản 3`,
    );
    expect(await page.locator('.app-review tr[data-path="/version"]').count()).toBe(1);
    // The preview is the form as officers will see it, with the new title.
    const preview = page.getByRole('region', { name: 'Xem trước biểu mẫu' });
    await preview.locator('#admin-preview_household_headName').waitFor();
    expect(await preview.textContent()).toContain(newTitle);
    await shot('registry-review-form');
    await page.getByRole('button', { name: 'Công bố phiên bản housing-proposal@90' }).click();
    await page.getByText('Đã công bố housing-proposal@90.').waitFor();
    await page.locator('tr[data-ref="housing-proposal@90"]').waitFor();

    // The same key@version with other content: 409, explained.
    await review('biểu mẫu', { ...v90, title: { ...v90.title, vi: 'Khác' } });
    await page.getByRole('button', { name: 'Công bố phiên bản housing-proposal@90' }).click();
    await page.getByText('Phiên bản này đã được công bố với nội dung khác. Hãy tăng số phiên bản.').waitFor();
    // A broken definition: 422, each problem with where it is.
    await review('biểu mẫu', {
      ...v90,
      version: 91,
      schema: { ...v90.schema, $id: shipped.schema.$id.replace('@3', '@91'), type: 'nonsense' },
    });
    await page.getByRole('button', { name: 'Công bố phiên bản housing-proposal@91' }).click();
    await page.getByText('Định nghĩa chưa hợp lệ:').waitFor();
    expect(await page.locator('.app-problems li').count()).toBeGreaterThan(0);
    await shot('registry-422');

    // The process pinning the new form, published through the page too.
    const shippedProcess = readJson('domain/process/definitions/housing-support-2024@3.json');
    const p90 = JSON.parse(JSON.stringify(shippedProcess).replace(/"housing-proposal@2"/g, '"housing-proposal@90"'));
    p90.version = 90;
    await review('quy trình', p90);
    const formRow = page.locator('.app-review tr[data-path$="/form"]').first();
    await formRow.waitFor();
    expect(await formRow.textContent()).toContain('housing-proposal@90');
    await page.getByRole('button', { name: 'Công bố phiên bản housing-support-2024@90' }).click();
    await page.getByText('Đã công bố housing-support-2024@90.').waitFor();

    // Opening a published version shows the server's diff and the preview.
    await page.getByRole('button', { name: 'Xem housing-proposal@90' }).click();
    const view = page.locator('section[data-version="housing-proposal@90"]');
    await view.locator('tr[data-path="/title/vi"]').waitFor();
    await view.locator('#admin-view_household_headName').waitFor();
    expect(await view.locator('caption').first().textContent()).toBe(
      `Thay đổi so với «${shipped.title.vi}», phiên bản 3`,
    );
    await shot('registry-version');

    const after = await createDossier();
    expect(after.forms).toEqual(['housing-proposal@90']);
    expect(await formsOf(before.id)).toEqual(['housing-proposal@2']);
    // The commune officer's new-dossier page shows the new version's title.
    expect(problems).toEqual([]);
  });

  it('creates an embed token, with field errors first, and shows its snippets to copy', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.system.baseUrl });
    await page.getByRole('link', { name: 'Nhúng biểu mẫu' }).click();
    await page.getByRole('heading', { name: 'Tạo mã nhúng' }).waitFor();
    await page.getByLabel('Tên gợi nhớ').fill('Cổng thông tin phường Hà Cầu');
    await page.getByLabel('Quy trình', { exact: true }).selectOption('housing-support-2024');
    await page.getByLabel('Đơn vị tiếp nhận (mã)').fill('HN-HD-HC');
    await page.getByLabel('Trang web được phép nhúng (mỗi dòng một địa chỉ)').fill('not an origin');
    await page.getByRole('button', { name: 'Tạo mã nhúng' }).click();
    // No expiry and a bad origin: each under its field.
    await page.locator('#embed-origins-error').waitFor();
    await page.locator('#embed-expires-error').waitFor();
    expect(await page.getByLabel('Trang web được phép nhúng (mỗi dòng một địa chỉ)').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await shot('embed-field-errors');
    await page.getByLabel('Trang web được phép nhúng (mỗi dòng một địa chỉ)').fill('https://cong-thong-tin.example.vn');
    // Ninety days from today in Việt Nam: the token lasts until the end of that day there.
    const expiresOn = vietnamDate(Date.now() + 90 * 86_400_000);
    // Typed as dd/mm/yyyy whatever the browser's locale (its own date input would follow it: mm/dd/yyyy).
    await page.getByLabel('Hết hạn vào ngày').fill(expiresOn.split('-').reverse().join('/'));
    await page.getByRole('button', { name: 'Tạo mã nhúng' }).click();
    const created = page.locator('section[data-created-token]');
    await created.waitFor();
    const iframe = await created.getByLabel('Đoạn mã iframe').inputValue();
    const script = await created.getByLabel('Đoạn mã script').inputValue();
    expect(iframe).toMatch(
      /^<iframe id="hoso-[\w-]+" src="http:\/\/[^"]+\/embed\/form\/e2\.test\.[^"]+" title="Cổng thông tin phường Hà Cầu"/,
    );
    expect(script).toContain('<ho-so-form token="e2.test.');
    // The citizens' status lookup, for the same portal, both ways.
    expect(await created.getByLabel('Tra cứu hồ sơ cho người dân (iframe)').inputValue()).toContain(
      '/embed/status/e2.test.',
    );
    expect(await created.getByLabel('Tra cứu hồ sơ cho người dân (script)').inputValue()).toContain(
      '<tra-cuu-ho-so token="e2.test.',
    );
    await created.getByRole('button', { name: 'Sao chép (iframe)' }).click();
    await created.getByText('Đã sao chép.').waitFor();
    expect(await page.evaluate(() => (globalThis as any).navigator.clipboard.readText())).toBe(iframe);
    const id = await created.getAttribute('data-created-token');
    const row = page.locator(`tr[data-token-id="${id}"]`);
    expect(await row.textContent()).toContain('https://cong-thong-tin.example.vn');
    // The expiry reads back as the day that was typed, without a time of day.
    expect(await row.locator('td[data-label="Hết hạn vào ngày"]').textContent()).toBe(
      expiresOn.split('-').reverse().join('/'),
    );
    await shot('embed-created');
    // The token works until it is revoked.
    const token = iframe.match(/\/embed\/form\/([^"]+)"/)![1]!;
    expect((await ctx.api.call('GET', `/api/embed/${token}/form`)).status).toBe(200);
    const stored = (await ctx.api.call('GET', '/api/admin/embed-tokens', { as: 'admin.hanoi' })).body.items.find(
      (t: { id: string }) => t.id === id,
    );
    expect(stored).toMatchObject({
      origins: ['https://cong-thong-tin.example.vn'],
      expiresAt: new Date(`${expiresOn}T23:59:59+07:00`).toISOString(),
      revokedAt: null,
    });
    await row.getByRole('button', { name: 'Thu hồi' }).click();
    await row.getByText(/^Đã thu hồi/).waitFor();
    expect(await ctx.api.call('GET', `/api/embed/${token}/form`)).toMatchObject({
      status: 401,
      body: { error: { code: 'embed_token_revoked', message: 'Mã nhúng biểu mẫu đã bị thu hồi', fields: [] } },
    });
  });

  it('creates a user with a grant, adds a grant and deactivates the user', async () => {
    await page.getByRole('link', { name: 'Người dùng và quyền' }).click();
    await page.getByRole('heading', { name: 'Tạo người dùng' }).waitFor();
    await page.getByLabel('Tên đăng nhập', { exact: true }).fill('xa.hacau.moi');
    await page.getByLabel('Họ và tên').fill('Cán bộ mới');
    await page.getByLabel('Mật khẩu ban đầu').fill('ngan');
    await page.locator('#user-grant-unit').fill('HN-HD-HC');
    await page.getByRole('button', { name: 'Tạo người dùng' }).click();
    await page.locator('#user-password-error').waitFor();
    await page.getByLabel('Mật khẩu ban đầu').fill('mat-khau-dai-hon');
    await page.getByRole('button', { name: 'Tạo người dùng' }).click();
    await page.getByText('Đã tạo người dùng xa.hacau.moi.').waitFor();
    const row = page.locator('tr[data-user-id="xa.hacau.moi"]');
    await row.waitFor();
    // Each grant: the role by name, then the unit by name with its code.
    const firstGrant = row.locator('li[data-grant="commune_officer@HN-HD-HC"]');
    await firstGrant.locator('[data-unit-code="HN-HD-HC"][title]').waitFor(); // named once the unit list arrived
    expect(await firstGrant.textContent()).toContain('Cán bộ giảm nghèo xã/phường @ Phường Hà Cầu (HN-HD-HC)');
    // The grant form opens on demand: a page of users is not a wall of empty fields.
    expect(await row.getByLabel('Vai trò').count()).toBe(0);
    await row.getByRole('button', { name: 'Thêm quyền', exact: true }).click();
    await row.getByLabel('Vai trò').selectOption({ label: 'Giám sát tiến độ' });
    await row.getByLabel('Mã đơn vị').fill('HN-HD-HC');
    await row.getByRole('button', { name: 'Lưu quyền' }).click();
    await row.locator('li[data-grant="supervisor@HN-HD-HC"] [data-unit-code="HN-HD-HC"][title]').waitFor();
    // Locked by wrong passwords (as the sign-in would lock it): shown, and lifted with the row's button.
    await ctx.system.models.User.updateOne(
      { _id: 'xa.hacau.moi' },
      { $set: { lockedAt: new Date(), failedLogins: 10 } },
    );
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await row.getByText('(Tạm khóa đăng nhập do nhập sai mật khẩu nhiều lần)').waitFor();
    await row.getByRole('button', { name: 'Gỡ khóa đăng nhập' }).click();
    await row.getByText('(Tạm khóa đăng nhập', { exact: false }).waitFor({ state: 'detached' });
    expect(await ctx.system.models.User.findById('xa.hacau.moi').lean()).toMatchObject({
      lockedAt: null,
      failedLogins: 0,
    });
    await row.getByRole('button', { name: 'Đăng xuất mọi phiên' }).click();
    await row.getByText('Đã đăng xuất xa.hacau.moi khỏi mọi phiên.').waitFor();
    await row.getByRole('button', { name: 'Khóa tài khoản' }).click();
    await row.getByText('(Đã khóa)').waitFor();
    await shot('users');
    const users = await ctx.api.call('GET', '/api/admin/users?q=xa.hacau.moi', { as: 'admin.hanoi' });
    expect(users.body.items).toEqual([
      {
        id: 'xa.hacau.moi',
        displayName: 'Cán bộ mới',
        active: false,
        locked: false,
        grants: [
          { role: 'commune_officer', unitCode: 'HN-HD-HC' },
          { role: 'supervisor', unitCode: 'HN-HD-HC' },
        ],
      },
    ]);
    // At phone width the pages stay usable (tables become cards).
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('users-phone');
    await page.getByRole('link', { name: 'Quy trình và biểu mẫu' }).click();
    await page.locator('tr[data-ref="housing-proposal@90"]').waitFor();
    await shot('registry-phone');
    await page.setViewportSize({ width: 1200, height: 900 });
    expect(problems).toEqual([]);
  });

  it('creates a unit, retires it with a successor, and marks a day off in the province calendar', async () => {
    await page.getByRole('link', { name: 'Đơn vị hành chính' }).click();
    await page.getByRole('heading', { name: 'Tạo đơn vị' }).waitFor();
    await page.locator('#unit-code').fill('hn thu');
    await page.locator('#unit-name').fill('Phường Thử');
    await page.locator('#unit-from').fill('01/01/2026');
    await page.getByRole('button', { name: 'Tạo đơn vị' }).click();
    await page.locator('#unit-code-error').waitFor();
    await page.locator('#unit-code').fill('HN-THU');
    await page.getByRole('button', { name: 'Tạo đơn vị' }).click();
    await page.getByText('Đã tạo đơn vị HN-THU.').waitFor();
    const row = page.locator('tr[data-unit-code="HN-THU"]');
    await row.waitFor();
    await row.getByRole('button', { name: 'Cho hết hiệu lực đơn vị HN-THU' }).click();
    await row.getByLabel('Ngày cuối còn hiệu lực').fill('31/12/2025');
    await row.getByRole('button', { name: 'Cho hết hiệu lực', exact: true }).click();
    await row.locator('[id="retire-HN-THU-to-error"]').waitFor();
    await row.getByLabel('Ngày cuối còn hiệu lực').fill('30/06/2026');
    await row.getByLabel('Mã đơn vị kế thừa (không bắt buộc)').fill('HN-HADONG');
    await row.getByRole('button', { name: 'Cho hết hiệu lực', exact: true }).click();
    await page.getByText('Đơn vị HN-THU đã hết hiệu lực.').waitFor();
    // Retired (its last day is past): marked, with its successor by name and share.
    await row.locator('[data-retired-unit]').getByText('Đã giải thể, hiệu lực đến hết 30/06/2026').waitFor();
    expect(await row.locator('[data-successor="HN-HADONG"]').textContent()).toBe(
      'Phường Hà Đông (HN-HADONG) — 100 % số hộ',
    );
    expect(await row.getByRole('button', { name: 'Cho hết hiệu lực đơn vị HN-THU' }).count()).toBe(0);
    await shot('units');

    await page.getByRole('link', { name: 'Lịch làm việc' }).click();
    await page.getByLabel('Năm', { exact: true }).fill('2026');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await page.locator('[data-calendar="VN:2026"]').waitFor();
    // A day that does not exist is refused under the field before anything is sent.
    await page.getByLabel('Ngày', { exact: true }).fill('31/02/2026');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect(page.locator('#calendar-date-error').textContent()).resolves.toContain('31/02/2026');
    await page.getByLabel('Ngày', { exact: true }).fill('31/12/2026');
    await page.getByLabel('Loại ngày').selectOption('day_off');
    await page.getByLabel('Tên (ví dụ: Giỗ Tổ Hùng Vương)').fill('Nghỉ cuối năm');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã cập nhật ngày 31/12/2026.').waitFor();
    await page.locator('[data-calendar="HN:2026"]').waitFor();
    expect(await page.locator('tr[data-date="2026-12-31"]').textContent()).toContain('Nghỉ cuối năm');
    const log = page.getByRole('table', { name: 'Nhật ký sửa lịch' });
    await log.waitFor();
    // The editor by name and title, never by username.
    const editor = DEMO_ACCOUNTS.find((a) => a.username === 'admin.hanoi')!.displayName;
    expect(await log.locator('tbody tr').first().textContent()).toContain(editor);
    expect(await log.textContent()).not.toContain('admin.hanoi');
    await shot('calendar');
    const calendar = await ctx.api.call('GET', '/api/calendars/HN/2026', { as: 'admin.hanoi' });
    expect(calendar.body.daysOff).toEqual(expect.arrayContaining([{ date: '2026-12-31', name: 'Nghỉ cuối năm' }]));

    // Another administrator edits the year while this page still shows the older copy: the save is refused with a
    // Vietnamese explanation, the latest year is shown, and saving again applies the edit over what is now shown.
    const elsewhere = await ctx.api.call('POST', '/api/calendars/HN/2026/days', {
      as: 'admin.hanoi',
      body: { date: '2026-12-30', kind: 'day_off', name: 'Nghỉ bù' },
    });
    expect(elsewhere.status).toBe(200);
    await page.getByLabel('Ngày', { exact: true }).fill('29/12/2026');
    await page.getByLabel('Loại ngày').selectOption('day_off');
    await page.getByLabel('Tên (ví dụ: Giỗ Tổ Hùng Vương)').fill('Nghỉ tổng kết');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Lịch vừa được người khác sửa nên chưa lưu thay đổi của bạn.', { exact: false }).waitFor();
    await page.locator('tr[data-date="2026-12-30"]').waitFor();
    await shot('calendar-conflict');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('calendar-conflict-phone');
    await page.setViewportSize({ width: 1200, height: 900 });
    expect((await ctx.api.call('GET', '/api/calendars/HN/2026', { as: 'admin.hanoi' })).body.daysOff).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ date: '2026-12-29' })]),
    );
    await page.getByLabel('Ngày', { exact: true }).fill('29/12/2026');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã cập nhật ngày 29/12/2026.').waitFor();
    expect((await ctx.api.call('GET', '/api/calendars/HN/2026', { as: 'admin.hanoi' })).body.daysOff).toEqual(
      expect.arrayContaining([
        { date: '2026-12-29', name: 'Nghỉ tổng kết' },
        { date: '2026-12-30', name: 'Nghỉ bù' },
        { date: '2026-12-31', name: 'Nghỉ cuối năm' },
      ]),
    );
    expect(problems).toEqual([]);
  });
});

describe('the dossiers that need an operator', () => {
  it('are listed in words, with the dossier, the failing step, the cause, since when and the unit', async () => {
    const reopen = await closeCalendar(ctx.system, 'HN', Date.now());
    try {
      const { id } = await createFlaggedDossier(ctx);
      await page.getByRole('link', { name: 'Hồ sơ cần kỹ thuật xử lý' }).click();
      await page.getByRole('heading', { name: 'Hồ sơ cần kỹ thuật xử lý', level: 1 }).waitFor();
      const row = page.locator(`tr[data-attention="${id}"]`);
      // Temporal's visibility may lag the flag by a moment: reload until the row is there.
      for (let attempt = 0; attempt < 50 && (await row.count()) === 0; attempt++) {
        await page.getByRole('button', { name: 'Tải lại' }).click();
        await page.waitForTimeout(200);
      }
      await row.waitFor();
      const text = (await row.innerText()).replace(/\s+/g, ' ');
      expect(text).toContain(id);
      expect(text).toContain('Tính hạn xử lý theo lịch làm việc');
      expect(text).toContain('Dữ liệu không xử lý được');
      expect(text).toMatch(/\d{2}\/\d{2}\/\d{4}/);
      // Words and names, not codes: the unit by its name.
      expect(text).not.toMatch(/computeDueAt|InvalidInput/);
      expect((await row.locator('td').nth(4).innerText()).trim()).toBe('Phường Hà Cầu');
      await shot('attention');
      await page.setViewportSize({ width: 390, height: 844 });
      await shot('attention-phone');
      await page.setViewportSize({ width: 1200, height: 900 });
      await row.getByRole('link', { name: id }).click();
      await page.waitForURL(`**/dossiers/${id}`);
    } finally {
      await reopen();
    }
    expect(problems).toEqual([]);
  });
});

describe('the audit trail check', () => {
  it('says the trail is intact, and names in words a record inserted directly in the database', async () => {
    // The browser system runs no sealer: seal what the earlier tests recorded, as the worker would have.
    const quiet = { info: () => undefined, warn: () => undefined };
    const sealer = createAuditSealer({
      models: ctx.system.models,
      anchors: ctx.system.auditAnchors,
      logger: quiet,
      lagMs: 0,
    });
    expect(await sealer.run()).toMatchObject({ raced: false });
    await page.goto(url('/admin/attention'));
    const signIn = page.getByLabel('Tên đăng nhập');
    await Promise.race([signIn.waitFor(), page.getByRole('button', { name: 'Đăng xuất' }).waitFor()]);
    if (await signIn.isVisible()) await login('admin.hanoi');
    // The page reads its list from Temporal first: let that answer before the check (and before the system closes).
    await page.getByText('Hồ sơ đang chờ khắc phục').waitFor();
    const button = page.getByRole('button', { name: 'Kiểm tra toàn vẹn nhật ký' });
    await button.click();
    await page.locator('[data-audit-result="ok"]').waitFor();
    expect(await page.locator('[data-audit-result="ok"]').innerText()).toMatch(
      /^Nhật ký toàn vẹn: đã kiểm tra \d+ mắt xích\.$/,
    );
    // A record dated an hour ago must have been sealed long since: it is named.
    const events = ctx.system.models.AdminEvent.collection;
    await events.insertOne({
      _id: 'chen-tay',
      at: new Date(Date.now() - 3600_000),
      by: 'admin.hanoi',
      kind: 'user.grant',
      target: 'x',
      scope: null,
      details: {},
    } as never);
    try {
      await button.click();
      const alert = page.locator('[data-audit-result="unchained"]');
      await alert.waitFor();
      const text = (await alert.innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('Nhật ký KHÔNG toàn vẹn');
      expect(text).toContain('bản ghi không có trong chuỗi (được chèn trực tiếp vào cơ sở dữ liệu)');
      expect(text).toContain('admin_events chen-tay');
    } finally {
      await events.deleteOne({ _id: 'chen-tay' } as never);
    }
    expect(problems).toEqual([]);
  });
});
