// Nothing an administrator types is lost on an error or a reload: the administration forms keep drafts per user
// (in Debian's Chromium against a real system). The embed token form keeps what was typed through a refused submit
// and a reload and drops it once the token exists; the registry keeps a pasted definition (and its kind) until it
// is published or discarded; the create-user form keeps everything but the password; logout removes them all.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { DEMO_PASSWORD } from '../../scripts/demo-accounts';
import { adminDraftKey } from '../../web/app/draft/admin-draft-key';
import { useTestSystem } from '../integration/support/use-test-system';
import { openAppPage, type AppPage } from './support/open-app-page';

const ctx = useTestSystem();
const ROOT = path.join(__dirname, '..', '..');
const SCREENSHOTS = path.join(ROOT, 'test-output', 'screenshots', 'admin-drafts');
const readJson = (p: string) => JSON.parse(readFileSync(path.join(ROOT, p), 'utf8'));
const ADMIN = 'admin.hanoi';
const RESTORED = 'Đã khôi phục bản nháp.';

let app: AppPage;
let page: Page;

beforeAll(async () => {
  app = await openAppPage(SCREENSHOTS);
  page = app.page;
});
afterAll(async () => {
  await app?.context.close();
  await app?.browser.close();
});

const url = (p: string) => `${ctx.system.baseUrl}${p}`;
const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** The page's localStorage item `key` (read in the page; the tests compile without DOM types). */
const storedItem = (key: string) =>
  page.evaluate(
    (k) => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem(k),
    key,
  );

/** The stored draft of an admin form of admin.hanoi (its fields), or null. */
async function storedDraft(formName: string): Promise<Record<string, string> | null> {
  const raw = await storedItem(adminDraftKey(ADMIN, formName));
  return raw === null ? null : (JSON.parse(raw) as { data: Record<string, string> }).data;
}

/** Every app draft of admin.hanoi in localStorage, admin forms' or not. */
const draftKeysOfAdmin = () =>
  page.evaluate(
    (prefix) =>
      Object.keys((globalThis as unknown as { localStorage: object }).localStorage).filter((k) => k.startsWith(prefix)),
    `hoso-app-draft:${ADMIN}:`,
  );

async function login(): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(ADMIN);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

/** The page's refused requests (the 422s the test provokes) are expected; any other console error is not. */
const unexpectedProblems = () => app.problems.filter((p) => !/status of 422/.test(p));

describe('drafts of the administration forms', () => {
  it('keep the embed token form through a refused submit and a reload, and are dropped once the token exists', async () => {
    await page.goto(url('/admin/embed-tokens'));
    await login();
    const label = page.getByLabel('Tên gợi nhớ');
    const origins = page.getByLabel('Trang web được phép nhúng (mỗi dòng một địa chỉ)');
    await label.fill('Cổng nháp phường Hà Cầu');
    await page.getByLabel('Đơn vị tiếp nhận (mã)').fill('HN-HD-HC');
    await origins.fill('not an origin');
    await page.getByRole('button', { name: 'Tạo mã nhúng' }).click();
    await page.locator('#embed-origins-error').waitFor();
    // The server refused it: what was typed is still kept.
    expect(await storedDraft('embed-token')).toEqual({
      label: 'Cổng nháp phường Hà Cầu',
      unitCode: 'HN-HD-HC',
      origins: 'not an origin',
    });

    await page.reload();
    await page.getByText(RESTORED).waitFor();
    expect(await label.inputValue()).toBe('Cổng nháp phường Hà Cầu');
    expect(await origins.inputValue()).toBe('not an origin');
    expect(await page.getByLabel('Đơn vị tiếp nhận (mã)').inputValue()).toBe('HN-HD-HC');
    await shot('embed-restored');

    await origins.fill('https://cong-thong-tin.example.vn');
    // Thirty days from today in Việt Nam, whatever the date the test runs on.
    await page.getByLabel('Hết hạn vào ngày').fill(
      vietnamDate(Date.now() + 30 * 86_400_000)
        .split('-')
        .reverse()
        .join('/'),
    );
    await page.getByRole('button', { name: 'Tạo mã nhúng' }).click();
    await page.locator('section[data-created-token]').waitFor();
    expect(await storedDraft('embed-token')).toBeNull();
    await page.reload();
    await page.getByRole('heading', { name: 'Tạo mã nhúng' }).waitFor();
    expect(await label.inputValue()).toBe('');
    expect(await page.getByText(RESTORED).count()).toBe(0);
    expect(unexpectedProblems()).toEqual([]);
  });

  it('keep a definition pasted on the registry page until it is discarded or published', async () => {
    await page.goto(url('/admin/registry'));
    const kind = page.getByLabel('Loại định nghĩa');
    const json = page.getByLabel('Dán nội dung JSON');
    await json.waitFor();
    const process = JSON.stringify(readJson('domain/process/definitions/housing-support-2024@2.json'), null, 2);
    await kind.selectOption({ label: 'quy trình' });
    await json.fill(process);
    await page.reload();
    await page.getByText(RESTORED).waitFor();
    expect(await kind.inputValue()).toBe('process');
    expect(await json.inputValue()).toBe(process);
    // Discarding empties the panel and forgets the draft.
    await page.getByRole('button', { name: 'Bỏ bản nháp' }).click();
    expect(await json.inputValue()).toBe('');
    expect(await kind.inputValue()).toBe('form');
    expect(await storedDraft('registry-publish')).toBeNull();
    expect(await page.getByText(RESTORED).count()).toBe(0);

    // Test versions are numbered from 90, so the shipped versions can take the next numbers.
    const shipped = readJson('forms/definitions/housing-proposal@2.json');
    const v90 = JSON.stringify(
      {
        ...shipped,
        version: 90,
        schema: { ...shipped.schema, $id: shipped.schema.$id.replace('@2', '@90') },
        title: { ...shipped.title, vi: `${shipped.title.vi} (nháp)` },
      },
      null,
      2,
    );
    await json.fill(v90);
    await page.reload();
    await page.getByText(RESTORED).waitFor();
    expect(await json.inputValue()).toBe(v90);
    await page.getByRole('button', { name: 'Xem trước thay đổi' }).click();
    await page.getByRole('button', { name: 'Công bố phiên bản housing-proposal@90' }).click();
    await page.getByText('Đã công bố housing-proposal@90.').waitFor();
    expect(await storedDraft('registry-publish')).toBeNull();
    await page.reload();
    await page.locator('tr[data-ref="housing-proposal@90"]').waitFor();
    expect(await json.inputValue()).toBe('');
    expect(await page.getByText(RESTORED).count()).toBe(0);
    expect(unexpectedProblems()).toEqual([]);
  });

  it('keep the create-user form without its password, and are all removed on logout', async () => {
    await page.goto(url('/admin/users'));
    await page.getByRole('heading', { name: 'Tạo người dùng' }).waitFor();
    await page.getByLabel('Tên đăng nhập', { exact: true }).fill('xa.nhap');
    await page.getByLabel('Họ và tên').fill('Cán bộ nháp');
    await page.getByLabel('Mật khẩu ban đầu').fill('mat-khau-nhap-123');
    const stored = await storedItem(adminDraftKey(ADMIN, 'user-create'));
    expect(stored).toContain('xa.nhap');
    expect(stored).not.toContain('mat-khau-nhap-123');
    await page.reload();
    await page.getByText(RESTORED).waitFor();
    expect(await page.getByLabel('Tên đăng nhập', { exact: true }).inputValue()).toBe('xa.nhap');
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Cán bộ nháp');
    expect(await page.getByLabel('Mật khẩu ban đầu').inputValue()).toBe('');
    await shot('user-restored');

    // A second form's draft, on another page: the units'.
    await page.getByRole('link', { name: 'Đơn vị hành chính' }).click();
    await page.locator('#unit-name').fill('Phường Nháp');
    expect(await storedDraft('unit-create')).toEqual({ name: 'Phường Nháp' });
    expect((await draftKeysOfAdmin()).sort()).toEqual(
      [adminDraftKey(ADMIN, 'unit-create'), adminDraftKey(ADMIN, 'user-create')].sort(),
    );

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    expect(await draftKeysOfAdmin()).toEqual([]);
    await login();
    await page.goto(url('/admin/users'));
    await page.getByRole('heading', { name: 'Tạo người dùng' }).waitFor();
    expect(await page.getByLabel('Tên đăng nhập', { exact: true }).inputValue()).toBe('');
    expect(await page.getByText(RESTORED).count()).toBe(0);
    expect(unexpectedProblems()).toEqual([]);
  });
});
