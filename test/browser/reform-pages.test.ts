// The admin pages of the 2025 reform in Debian's Chromium against a real system (API, Temporal, FerretDB): the units
// list, the users page and the embed tokens mark what sits at a retired unit, with a summary line at the top; a
// retired ward's officer is offered nothing to start, with the reason; admin.hanoi prepares a transition plan in the
// page "Phương án sắp xếp đơn vị" (units defaulting to their successors, steps between two published versions),
// runs it dry, reads the report (steps by title, units by name, problems in Vietnamese), executes it after a
// confirmation and finds the stored report again after a reload. Screenshots at desktop and phone width go to
// test-output/screenshots/reform-pages/ (not committed); axe at both widths.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { apiClient } from '../integration/support/api-client';
import { atDistrictReview } from '../integration/support/at-district-review';
import { createEmbedToken } from '../integration/support/create-embed-token';
import { useTestSystem } from '../integration/support/use-test-system';
import { openAppPage, type AppPage } from './support/open-app-page';
import { adminPageSteps, collapsedText } from './support/admin-page-steps';

// Validity enforced, as in production and the demo: the seed era's dossiers and token come through the second API,
// which does not enforce it (the records of units in force at the time).
const ctx = useTestSystem(undefined, { enforceUnitValidity: true, seedEraApi: true });
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'screenshots', 'reform-pages');
const PLAN_NAME = `Sắp xếp đơn vị hành chính Hà Nội 2025 (${Date.now().toString(36)})`;
let app: AppPage;
let haCau = '';
let phuLuong = '';

beforeAll(async () => {
  app = await openAppPage(SCREENSHOTS);
  const seedEra = apiClient(ctx.system.seedEraBaseUrl!);
  haCau = await atDistrictReview(seedEra, 'xa.hacau', 'HN-HD-HC');
  // Returned to its ward for supplement: the plan cannot move it now, and says why.
  phuLuong = await atDistrictReview(seedEra, 'xa.phuluong', 'HN-HD-PL');
  const returned = await seedEra.call('POST', `/api/dossiers/${phuLuong}/actions`, {
    as: 'quan.hadong',
    body: { action: 'return', comment: 'Thiếu giấy tờ nhà đất' },
  });
  expect(returned.status).toBe(200);
  // A token of a retired ward, issued before the reform.
  await createEmbedToken(seedEra, { label: 'Cổng phường Hà Cầu (cũ)', origins: ['https://hacau.example.vn'] });
});
afterAll(async () => {
  await app?.context.close();
  await app?.browser.close();
});

const { login, shots, axeOf } = adminPageSteps(ctx, () => app, SCREENSHOTS);

/**
 * Signs in as `admin` and opens a new plan for the 1 July 2025 reform: its name and legal basis, the reform date,
 * housing-support-2024@3 → housing-support-2025@2 with the district's review mapped to the city's approval.
 */
async function startPlan(page: Page, admin: string, name: string, legalBasis: string): Promise<void> {
  await login(page, admin);
  await page.goto(`${ctx.system.baseUrl}/admin/transition-plans`);
  await page.getByRole('button', { name: 'Lập phương án mới' }).click();
  await page.getByLabel('Tên phương án').fill(name);
  await page.getByLabel('Căn cứ pháp lý (số, ngày văn bản)').fill(legalBasis);
  await page.getByLabel('Ngày đơn vị mới có hiệu lực').fill('01/07/2025');
  await page.getByLabel('Quy trình cũ (đã công bố)').selectOption('housing-support-2024@3');
  await page.getByLabel('Quy trình mới (đã công bố)').selectOption('housing-support-2025@2');
  await page
    .getByLabel('Thẩm định của huyện → Bước tương ứng của quy trình mới')
    .selectOption({ label: 'Phê duyệt của tỉnh' });
}

const text = collapsedText;

it('marks retired units, grants and tokens in the admin pages, with a summary line at the top', async () => {
  const { page } = app;
  await login(page, 'admin.hanoi');
  await page.goto(`${ctx.system.baseUrl}/admin/units`);
  const haCauRow = page.locator('tr[data-unit-code="HN-HD-HC"]');
  await haCauRow.locator('[data-retired-unit]').waitFor();
  const validity = await text(haCauRow.locator('[data-retired-unit]'));
  expect(validity).toContain('Đã giải thể, hiệu lực đến hết 30/06/2025');
  expect(validity).toContain('Đơn vị kế thừa:');
  expect(validity).toContain('Phường Hà Đông');
  expect(validity).toContain('100 % số hộ');
  // A unit in force is not marked.
  expect(await page.locator('tr[data-unit-code="HN-HADONG"] [data-retired-unit]').count()).toBe(0);

  const summary = page.locator('[data-retired-summary]');
  await summary.waitFor();
  expect(await text(summary)).toMatch(/^[1-9]\d* quyền, [1-9]\d* mã nhúng tại đơn vị đã giải thể$/);
  await shots('units-retired');

  await page.goto(`${ctx.system.baseUrl}/admin/users`);
  await page.getByLabel('Tìm theo tên đăng nhập hoặc họ tên').fill('quan.hadong');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  const grant = page.locator('tr[data-user-id="quan.hadong"] [data-retired-warning="grant"]');
  await grant.waitFor();
  expect(await text(grant)).toContain('Quyền tại đơn vị đã giải thể — không còn dùng để xử lý hồ sơ');
  expect(await text(grant)).toContain('Quận Hà Đông đã giải thể (còn hiệu lực đến hết ngày 30/06/2025)');
  await shots('users-retired');
  // A user whose grants are all in force is not marked (its row found first, so the check can fail).
  await page.getByLabel('Tìm theo tên đăng nhập hoặc họ tên').fill('admin.hanoi');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await page.locator('tr[data-user-id="admin.hanoi"]').waitFor();
  expect(await page.locator('tr[data-user-id="admin.hanoi"] [data-retired-warning]').count()).toBe(0);

  await page.goto(`${ctx.system.baseUrl}/admin/embed-tokens`);
  const token = page.locator('tr', { hasText: 'Cổng phường Hà Cầu (cũ)' }).locator('[data-retired-warning="token"]');
  await token.first().waitFor();
  expect(await text(token.first())).toContain('hồ sơ nộp qua mã này bị từ chối');
  await shots('tokens-retired');
  for (const [pathname, selector] of [
    ['/admin/units', 'tr[data-unit-code="HN-HD-HC"] [data-retired-unit]'],
    ['/admin/embed-tokens', '[data-retired-warning="token"]'],
  ] as const) {
    expect(await axeOf('admin.hanoi', pathname, (p) => p.locator(selector).first().waitFor())).toEqual([]);
  }
});

it("offers a retired ward's officer nothing to start, with the reason, instead of a form refused at submit", async () => {
  const { page } = app;
  await login(page, 'xa.hacau');
  await page.goto(`${ctx.system.baseUrl}/new`);
  const note = page.locator('[data-retired-start]');
  await note.waitFor();
  expect(await text(note)).toContain(
    'Phường Hà Cầu đã giải thể (còn hiệu lực đến hết ngày 30/06/2025): không mở hồ sơ mới tại đơn vị này.',
  );
  await page.getByText('Tài khoản của bạn không lập được hồ sơ cho chương trình nào.').waitFor();
  expect(await page.locator('.app-process-list li').count()).toBe(0);
  // The form itself, opened by its address, shows the reason and no form.
  await page.goto(`${ctx.system.baseUrl}/new/housing-support-2024`);
  await page.locator('[data-retired-start]').waitFor();
  expect(await page.locator('button[data-action="create"]').count()).toBe(0);
  await shots('retired-ward-new');
});

it('ends only the grants chosen one by one: a grant unticked is kept, in the saved plan and in its dry run', async () => {
  const { page } = app;
  const name = `Chọn từng quyền kết thúc (${Date.now().toString(36)})`;
  await startPlan(page, 'admin.hanoi', name, 'Nghị quyết 1656/NQ-UBTVQH15 ngày 16/6/2025');
  const ending = page.locator('[data-grants-end-list]');
  const district = ending.locator('[data-grant-end="quan.hadong|district_officer|HN-HD"]');
  const ward = ending.locator('[data-grant-end="xa.hacau|commune_officer|HN-HD-HC"]');
  await district.waitFor();
  // One by one: every grant listed starts ticked (the default's list); the district officer's is unticked.
  await page.getByLabel('Chọn từng quyền kết thúc').check();
  await expect(ending.locator('input[type="checkbox"]:not(:checked)').count()).resolves.toBe(0);
  await district.getByRole('checkbox').uncheck();
  expect(await text(district)).toContain('Lê Quang Minh');
  await expect(ward.getByRole('checkbox').isChecked()).resolves.toBe(true);
  await shots('plan-grants-one-by-one');
  await page.getByRole('button', { name: 'Lưu phương án' }).click();
  await page.getByText(`Đã lưu phương án "${name}".`).waitFor();

  // The saved plan lists the grants that end by name: the ward officer's, not the district officer's.
  const view = page.locator('section[data-plan-id]');
  await view.getByText('Chưa chạy lần nào.').waitFor();
  // Names come from the users list, read apart from the plan: usernames until it answers.
  await view
    .locator('[data-plan-grants-end]')
    .getByText(/Nguyễn Thị Hoa/)
    .waitFor();
  const ends = await text(view.locator('[data-plan-grants-end]'));
  expect(ends).toContain('Nguyễn Thị Hoa');
  expect(ends).not.toContain('Lê Quang Minh');
  expect(ends).not.toContain('Mọi quyền tại');
  // The dry run ends the ward officer's grant and keeps the district officer's.
  await view.getByRole('button', { name: 'Chạy thử' }).click();
  const dry = view.locator('[data-report-kind="dry_run"]');
  await dry.waitFor();
  await expect(dry.locator('tr[data-grant-user="xa.hacau"][data-change="end"]').count()).resolves.toBe(1);
  await expect(dry.locator('tr[data-grant-user="quan.hadong"][data-change="end"]').count()).resolves.toBe(0);
  expect(app.problems).toEqual([]);
});

it('prepares a transition plan, runs it dry, executes it after a confirmation and shows the stored report', async () => {
  const { page } = app;
  await login(page, 'admin.hanoi');
  await page.goto(`${ctx.system.baseUrl}/admin/transition-plans`);
  await page.getByRole('heading', { name: 'Phương án sắp xếp đơn vị', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Lập phương án mới' }).click();

  // Nothing typed: each field says so, nothing is sent.
  await page.getByRole('button', { name: 'Lưu phương án' }).click();
  expect(await page.locator('#transition-name-error').textContent()).toBe('Cần nhập');

  await page.getByLabel('Tên phương án').fill(PLAN_NAME);
  await page.getByLabel('Căn cứ pháp lý (số, ngày văn bản)').fill('Nghị quyết 1656/NQ-UBTVQH15 ngày 16/6/2025');
  await page.getByLabel('Ngày đơn vị mới có hiệu lực').fill('01/07/2025');
  // Units default to their successors: Hà Cầu → Phường Hà Đông; the abolished district follows the links.
  const haCauTo = page.locator('[data-from-unit="HN-HD-HC"] select');
  await haCauTo.waitFor();
  expect(await haCauTo.locator('option:checked').textContent()).toBe('Phường Hà Đông');
  expect(await page.locator('[data-from-unit="HN-HD"] select option:checked').textContent()).toBe(
    '— Theo liên kết kế thừa —',
  );
  await page.getByLabel('Quy trình cũ (đã công bố)').selectOption('housing-support-2024@3');
  await page.getByLabel('Quy trình mới (đã công bố)').selectOption('housing-support-2025@2');
  const districtStep = page.getByLabel('Thẩm định của huyện → Bước tương ứng của quy trình mới');
  await districtStep.waitFor();
  // No step of that id in the new version: none by default; the same id elsewhere.
  expect(await districtStep.inputValue()).toBe('');
  expect(await page.getByLabel('Đề xuất của xã/phường → Bước tương ứng của quy trình mới').inputValue()).toBe(
    'proposal',
  );
  await districtStep.selectOption({ label: 'Phê duyệt của tỉnh' });
  // A province's administrator cannot change a process's dates: the section says why and offers nothing.
  const definitions = page.locator('[data-definition-changes]');
  expect(await definitions.getAttribute('data-definition-changes')).toBe('national-only');
  expect(await text(definitions)).toContain('Chỉ quản trị viên cấp quốc gia được đổi thời gian nhận hồ sơ');
  // By default every grant at a retired unit ends, listed by name, role name and unit name (never by username).
  const ending = page.locator('[data-grants-end-list]');
  await ending.locator('[data-grant-end="quan.hadong|district_officer|HN-HD"]').waitFor();
  expect(await text(ending.locator('[data-grant-end="quan.hadong|district_officer|HN-HD"]'))).toBe(
    'Lê Quang Minh — Chuyên viên Phòng LĐTBXH Quận Hà Đông — Phòng LĐTBXH quận/huyện tại Quận Hà Đông',
  );
  expect(await text(ending)).not.toContain('quan.hadong');
  // A grant that starts on the reform date: a person of the city's units, a role and a unit by name.
  await page.getByRole('button', { name: 'Thêm quyền bắt đầu' }).click();
  await page.locator('#transition-grant-0-person').selectOption('daumoi.kienhung');
  await page.locator('#transition-grant-0-role').selectOption({ label: 'Giám sát tiến độ' });
  await page.locator('#transition-grant-0-unit').selectOption({ label: 'Phường Kiến Hưng' });
  await shots('plan-form');
  await page.getByRole('button', { name: 'Lưu phương án' }).click();
  await page.getByText(`Đã lưu phương án "${PLAN_NAME}".`).waitFor();

  const view = page.locator('section[data-plan-id]');
  await view.getByText('Chưa chạy lần nào.').waitFor();
  // Step titles, unit names and people's names each arrive by a read of their own.
  await view.getByText('Thẩm định của huyện → Phê duyệt của tỉnh').waitFor();
  await view.getByText('Phường Hà Cầu → Phường Hà Đông').waitFor();
  await view.getByText(/phiên bản 3 → Hỗ trợ nhà ở cho hộ nghèo, cận nghèo \(xã → tỉnh\) — phiên bản 2/).waitFor();
  const details = await text(view);
  expect(details).toContain('Thẩm định của huyện → Phê duyệt của tỉnh');
  expect(details).toContain('Phường Hà Cầu → Phường Hà Đông');
  expect(details).toContain('— phiên bản 3 → Hỗ trợ nhà ở cho hộ nghèo, cận nghèo (xã → tỉnh) — phiên bản 2');
  const starts = view.locator('[data-plan-grants-start]');
  await starts.getByText(/^Lê Văn Khánh/).waitFor();
  expect(await text(starts)).toContain('Giám sát tiến độ @ Phường Kiến Hưng, từ ngày 01/07/2025');
  // Saved without a list: the API lists every grant at each unit the plan retires.
  expect(await text(view.locator('[data-plan-grants-end]'))).toContain('Mọi quyền tại Quận Hà Đông');

  // The dry run: one row per open dossier, by step title and unit name, problems in Vietnamese.
  await view.getByRole('button', { name: 'Chạy thử' }).click();
  const dry = view.locator('[data-report-kind="dry_run"]');
  await dry.waitFor();
  const moveRow = dry.locator(`tr[data-dossier-id="${haCau}"]`);
  expect(await moveRow.getAttribute('data-action')).toBe('move');
  const moveText = await text(moveRow);
  expect(moveText).toContain('Thẩm định của huyện');
  expect(moveText).toContain('Quận Hà Đông');
  expect(moveText).toContain('Chuyển sang quy trình mới');
  expect(moveText).toContain('Phê duyệt của tỉnh');
  expect(moveText).toContain('Thành phố Hà Nội');
  const blockedRow = dry.locator(`tr[data-dossier-id="${phuLuong}"]`);
  expect(await blockedRow.getAttribute('data-action')).toBe('blocked');
  expect(await blockedRow.locator('[data-problem="not_movable"]').count()).toBe(1);
  // The grants: the one that starts and the default ones that end, by name.
  const started = dry.locator('tr[data-grant-user="daumoi.kienhung"][data-change="start"]');
  const startedText = await text(started);
  for (const part of ['Lê Văn Khánh', 'Giám sát tiến độ', 'Phường Kiến Hưng', 'từ ngày 01/07/2025']) {
    expect(startedText).toContain(part);
  }
  expect(await text(dry.locator('tr[data-grant-user="quan.hadong"][data-change="end"]'))).toContain('Lê Quang Minh');
  // No raw codes where an officer reads the report.
  // (the dossier code, in the first column, names its ward: HN-HD-HC-2026-00001)
  const reportText = (await dry.locator('tbody td:not(:first-child)').allTextContents()).join(' ');
  for (const code of ['district-review', 'province-approval', 'HN-HD', 'not_movable', 'housing-support-2024@3'])
    expect(reportText).not.toContain(code);
  await shots('plan-dry-run');

  // Execution: a confirmation first (cancel changes nothing), then the report of what was done.
  await view.getByRole('button', { name: 'Thực hiện phương án' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thực hiện phương án?' });
  await dialog.waitFor();
  expect(await text(dialog)).toContain('Lần chạy thử gần nhất:');
  await shots('plan-confirm');
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await view.locator('[data-report-kind="execute"]').count()).toBe(0);
  await view.getByRole('button', { name: 'Thực hiện phương án' }).click();
  // While it runs, the dialog counts the dossiers done as the plan says: the request is held before it reaches the
  // server, and the plan's run is set to one of three dossiers done.
  const planId = (await view.getAttribute('data-plan-id'))!;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const executeUrl = `**/api/admin/transition-plans/${planId}/execute`;
  await page.route(executeUrl, async (route) => {
    await held;
    await route.continue();
  });
  await dialog.getByRole('button', { name: 'Thực hiện', exact: true }).click();
  const run = {
    reportId: 'held',
    kind: 'execute',
    state: 'running',
    done: 1,
    total: 3,
    finishedAt: null,
    by: 'Quản trị',
  };
  await ctx.system.models.TransitionPlan.updateOne(
    { _id: planId },
    { $set: { run: { ...run, startedAt: new Date() } } },
  );
  const progress = dialog.getByTestId('plan-run-progress');
  await progress.getByText('Đã xử lý 1/3 hồ sơ').waitFor();
  const bar = progress.locator('progress');
  await expect(Promise.all([bar.getAttribute('value'), bar.getAttribute('max')])).resolves.toEqual(['1', '3']);
  await dialog.screenshot({ path: path.join(SCREENSHOTS, 'plan-executing-dialog.png') });
  release();
  const executed = view.locator('[data-report-kind="execute"]');
  await executed.waitFor();
  expect(await executed.locator(`tr[data-dossier-id="${haCau}"]`).getAttribute('data-result')).toBe('moved');
  expect(await text(executed.locator(`tr[data-dossier-id="${haCau}"]`))).toContain('Đã chuyển');
  expect(await executed.locator(`tr[data-dossier-id="${phuLuong}"]`).getAttribute('data-action')).toBe('blocked');
  // The default grants ended with it, shown by name.
  const endedGrant = executed.locator('tr[data-grant-user="quan.hadong"][data-change="end"]');
  expect(await endedGrant.getAttribute('data-result')).toBe('ended');
  expect(await text(endedGrant)).toContain('Lê Quang Minh');
  expect(
    await executed.locator('tr[data-grant-user="daumoi.kienhung"][data-change="start"]').getAttribute('data-result'),
  ).toBe('started');
  await page.unroute(executeUrl);
  const moved = await ctx.api.call('GET', `/api/dossiers/${haCau}`, { as: 'tp.hanoi' });
  expect(moved.status).toBe(200);
  expect(moved.body).toMatchObject({ processKey: 'housing-support-2025', currentStep: { id: 'province-approval' } });

  // After a reload: the plan is listed as carried out and its stored report is shown.
  await page.reload();
  const row = page.locator('tr[data-plan-row]', { hasText: PLAN_NAME });
  await row.waitFor();
  expect(await text(row)).toContain('Đã thực hiện');
  await row.getByRole('button', { name: 'Xem' }).click();
  const stored = page.locator('section[data-plan-id] [data-report-kind="execute"]');
  await stored.waitFor();
  expect(await stored.locator(`tr[data-dossier-id="${haCau}"]`).getAttribute('data-result')).toBe('moved');
  await shots('plan-executed');
  const openPlan = async (p: Page) => {
    await p.locator('tr[data-plan-row]', { hasText: PLAN_NAME }).getByRole('button', { name: 'Xem' }).click();
    await p.locator('section[data-plan-id] [data-report-kind="execute"]').waitFor();
  };
  expect(await axeOf('admin.hanoi', '/admin/transition-plans', openPlan)).toEqual([]);

  // The moved dossier's timeline names the steps left before the move by the old definition's titles: the
  // district's review is no step of the new definition, and is shown by its title, not its id.
  await login(page, 'tp.hanoi');
  await page.goto(`${ctx.system.baseUrl}/dossiers/${haCau}`);
  const timeline = page.locator('.app-timeline');
  await timeline.locator('[data-action="transfer"]').waitFor();
  expect(await text(timeline)).toContain('Đề xuất của xã/phường → Thẩm định của huyện');
  expect(await text(timeline.locator('[data-action="transfer"]'))).toContain('Thẩm định của huyện → Phê duyệt');
  expect(await text(timeline)).not.toContain('district-review');
  await shots('moved-dossier');
  expect(app.problems).toEqual([]);
});

it('prepares a national plan that ends one process version and starts another, and the dry run names both', async () => {
  const { page } = app;
  const name = `Quy trình nhận hồ sơ từ 01/07/2025 (${Date.now().toString(36)})`;
  await startPlan(page, 'admin.quocgia', name, 'Nghị quyết 202/2025/QH15 ngày 12/6/2025');
  // The process that ends: by title and version; its last day defaults to the day before the reform date.
  await page.getByRole('button', { name: 'Thêm quy trình kết thúc' }).click();
  const endPick = page.getByLabel('Quy trình kết thúc thứ 1', { exact: true });
  expect(await endPick.locator('option[value="housing-support-2024@3"]').textContent()).toMatch(/ — phiên bản 3$/);
  await endPick.selectOption('housing-support-2024@3');
  expect(await page.locator('#transition-end-0-day').inputValue()).toBe('30/06/2025');
  await page.getByRole('button', { name: 'Thêm quy trình bắt đầu' }).click();
  await page.getByLabel('Quy trình bắt đầu thứ 1', { exact: true }).selectOption('housing-support-2025@2');
  // The national administrator administers no unit's people: no grant of the plan ends (the API's default agrees).
  expect(await text(page.locator('[data-grant-changes]'))).toContain('Không có quyền nào tại các đơn vị bị giải thể.');
  await shots('plan-form-national');
  await page.getByRole('button', { name: 'Lưu phương án' }).click();
  await page.getByText(`Đã lưu phương án "${name}".`).waitFor();

  const view = page.locator('section[data-plan-id]');
  await view.getByText('Chưa chạy lần nào.').waitFor();
  const ends = view.locator('[data-plan-definitions-end]');
  await ends.getByText(/ — phiên bản 3: ngày cuối cùng 30\/06\/2025$/).waitFor();
  expect(await text(view.locator('[data-plan-definitions-start]'))).toMatch(/ — phiên bản 2: từ ngày 01\/07\/2025$/);
  expect(await text(view.locator('[data-plan-grants-start]'))).toBe('Không có');

  await view.getByRole('button', { name: 'Chạy thử' }).click();
  const dry = view.locator('[data-report-kind="dry_run"]');
  await dry.waitFor();
  const ended = dry.locator('tr[data-definition="housing-support-2024@3"][data-change="end"]');
  const endedText = await text(ended);
  expect(endedText).toContain(' — phiên bản 3');
  expect(endedText).toContain('Kết thúc');
  expect(endedText).toContain('30/06/2025');
  expect(await dry.locator('tr[data-definition="housing-support-2025@2"][data-change="start"]').count()).toBe(1);
  expect(await text(dry)).toContain('Phương án không kết thúc hay giao quyền nào.');
  const sections = (await dry.locator('table').allTextContents()).slice(1).join(' ');
  for (const code of ['housing-support', '2024@3', '2025@2']) {
    expect(sections).not.toContain(code);
  }
  await shots('plan-national-dry-run');
  const openPlan = async (p: Page) => {
    await p.locator('tr[data-plan-row]', { hasText: name }).getByRole('button', { name: 'Xem' }).click();
    await p.locator('section[data-plan-id] [data-report-kind="dry_run"]').waitFor();
    // The stored report (read back, not the one the dry run answered) shows the same sections.
    await p.locator('tr[data-definition="housing-support-2024@3"]').waitFor();
  };
  expect(await axeOf('admin.quocgia', '/admin/transition-plans', openPlan)).toEqual([]);
  expect(app.problems).toEqual([]);
});

it('shows a grant not started yet as such, counts it apart, and edits the English name beside the Vietnamese one', async () => {
  const { page } = app;
  const later = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
  const laterDmy = later.split('-').reverse().join('/');
  const given = await ctx.api.call('POST', '/api/admin/users/tindung.kienhung/grants', {
    as: 'admin.hanoi',
    body: { role: 'supervisor', unitCode: 'HN-KIENHUNG', from: later },
  });
  expect(given.status).toBe(200);
  await login(page, 'admin.hanoi');
  await page.goto(`${ctx.system.baseUrl}/admin/users`);
  await page.getByLabel('Tìm theo tên đăng nhập hoặc họ tên').fill('tindung.kienhung');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  const row = page.locator('tr[data-user-id="tindung.kienhung"]');
  const upcoming = row.locator('[data-grant="supervisor@HN-KIENHUNG"] [data-grant-state="upcoming"]');
  await upcoming.waitFor();
  expect(await text(upcoming)).toBe(`từ ${laterDmy} (chưa bắt đầu)`);
  expect(await row.locator('[data-grant="supervisor@HN-KIENHUNG"] [data-retired-warning]').count()).toBe(0);
  const summary = page.locator('[data-upcoming-summary]');
  await summary.waitFor();
  expect(await text(summary)).toMatch(/(^|; )1 quyền chưa đến ngày bắt đầu$/);

  // The names: the English one beside the Vietnamese one; a blank name is refused at its field by the API.
  await row.getByRole('button', { name: 'Sửa họ tên của tindung.kienhung' }).click();
  const form = row.locator('[data-user-names-form]');
  const vietnamese = form.getByLabel('Họ và tên');
  const original = await vietnamese.inputValue();
  await vietnamese.fill('   ');
  await form.getByLabel('Họ tên và chức danh tiếng Anh (không bắt buộc)').fill('Vu Thi Thanh Tam — Credit board head');
  await form.getByRole('button', { name: 'Lưu họ tên' }).click();
  await form.locator('.app-error').first().waitFor();
  expect(await form.getByLabel('Họ và tên').getAttribute('aria-invalid')).toBe('true');
  await vietnamese.fill(original);
  await shots('users-names-form');
  await form.getByRole('button', { name: 'Lưu họ tên' }).click();
  const english = row.locator('[data-display-name-en]');
  await english.waitFor();
  expect(await text(english)).toBe('Tiếng Anh: Vu Thi Thanh Tam — Credit board head');
  expect(await text(row.locator('[data-display-name]'))).toBe(original);
  const me = await ctx.api.call('GET', '/api/me', { as: 'tindung.kienhung' });
  expect(me.body.displayNameEn).toBe('Vu Thi Thanh Tam — Credit board head');
  await shots('users-upcoming-grant');
  expect(await axeOf('admin.hanoi', '/admin/users', (p) => p.locator('[data-upcoming-summary]').waitFor())).toEqual([]);
  // The one refusal the browser saw is the blank name's.
  expect(app.problems).toEqual([
    'error: Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)',
  ]);
});
