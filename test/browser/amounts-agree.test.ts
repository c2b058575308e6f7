// Amounts that agree, in the browser (issue 14): the housing proposal with its funding rule, rendered as the embed
// and the officer app render a form (react-jsonschema-form, the shared widgets, the version's precompiled validator
// through createRjsfValidator), shows the sum error at the funding list in Vietnamese while the person types, before
// anything is sent, with the server's own words; Debian's Chromium against the real API (units for the unit picker).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createFormValidator, type FormDefinition } from '../../forms';
import { compileStandaloneValidator } from '../../forms/standalone/node';
import { useTestSystem } from '../integration/support/use-test-system';
import { example } from '../integration/support/form-examples';
import { launchChromium } from './support/launch-chromium';

const ctx = useTestSystem();
const root = path.join(__dirname, '..', '..');
const HARNESS = path.join(__dirname, 'widgets-harness');
const v1 = JSON.parse(readFileSync(path.join(root, 'forms/definitions/housing-proposal@1.json'), 'utf8'));
/** The proposal as a version whose funding lines must add up to the requested amount. */
const form: FormDefinition = {
  ...v1,
  version: 90,
  schema: { ...v1.schema, $id: 'urn:hoso:form:housing-proposal@90' },
  amountRules: [{ kind: 'sum-equals', items: '/support/fundingSources/*/amount', total: '/support/requestedAmount' }],
};

let outDir: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(os.tmpdir(), 'hoso-amounts-harness-'));
  // Inside the repository, so the module's imports of ajv's runtime resolve to node_modules.
  const generated = path.join(root, 'test-output', 'amounts-harness');
  mkdirSync(generated, { recursive: true });
  const validatorFile = path.join(generated, 'validator.mjs');
  writeFileSync(validatorFile, compileStandaloneValidator(form).source);
  const built = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(HARNESS, 'vite.config.mjs')],
    { env: { ...process.env, HOSO_HARNESS_OUT: outDir, HOSO_HARNESS_VALIDATOR: validatorFile }, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`the amounts harness did not build: ${built.stderr}`);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

beforeEach(async () => {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await context.route(`${ctx.system.baseUrl}/__harness/**`, (route) => {
    const file = path.join(outDir, new URL(route.request().url()).pathname.replace(/^\/__harness\//, ''));
    const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
    return route.fulfill({ status: 200, contentType: type, body: readFileSync(file) });
  });
  page = await context.newPage();
});
afterEach(async () => {
  await page?.context().close();
});

describe('the housing proposal with its funding rule', () => {
  it('shows the sum error at the funding list while the person types, in Vietnamese, and sends nothing', async () => {
    const data = example('housing-proposal@1');
    data.household.address.unitCode = 'HN-HD-HC';
    const bearer = await ctx.api.token('xa.hacau');
    await page.addInitScript((value) => ((globalThis as any).__harnessInput = value), { form, formData: data, bearer });
    await page.goto(`${ctx.system.baseUrl}/__harness/amounts.html`);
    const firstLine = page.locator('#w_support_fundingSources_0_amount');
    await firstLine.waitFor();
    const listErrors = page.locator('#w_support_fundingSources__error');
    expect(await listErrors.count()).toBe(0);

    // 30 M → 3 M: the lines now add up to 73 M of the 100 M requested.
    await firstLine.fill('3000000');
    await listErrors.waitFor();
    const wrong = JSON.parse(JSON.stringify(data));
    wrong.support.fundingSources[0].amount = 3_000_000;
    const server = createFormValidator().validate(form, wrong);
    expect(server.valid).toBe(false);
    const expected = server.valid ? '' : server.errors[0]!.message.vi;
    expect(expected).toBe(
      'Nguồn kinh phí: tổng số tiền (73.000.000 đ) phải bằng Số tiền đề nghị hỗ trợ (100.000.000 đ)',
    );
    expect(await listErrors.innerText()).toContain(expected);
    await page.getByRole('button', { name: 'Gửi' }).click();
    expect(await page.evaluate(() => (globalThis as any).__harness.submitted)).toBe(0);

    // Back to 30 M: the error goes, and the form may be sent.
    await firstLine.fill('30000000');
    await listErrors.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Gửi' }).click();
    await page.waitForFunction(() => (globalThis as any).__harness.submitted === 1);
  });
});
