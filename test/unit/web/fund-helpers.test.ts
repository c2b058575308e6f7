import type { FundChoice } from '../../../api-contract';
import { formatVnd } from '../../../domain/funds/format-vnd';
import { fundBars, shortVnd } from '../../../web/app/funds/fund-bars';
import { fundPickerView } from '../../../web/app/funds/fund-picker-view';
import { createApiFundSource, fundOptionLabel } from '../../../web/app/funds/fund-source';
import type { AppApiClient, ApiResult } from '../../../web/app/api/create-app-api-client';

const M = 1_000_000;
const choice = (name: string, available: number): FundChoice => ({
  _id: `id-${name}`,
  name,
  kind: 'fund_for_the_poor',
  unitCode: 'HN-HD',
  level: 'district',
  active: true,
  balance: { received: available, committed: 0, paid: 0, available },
});

describe('the funds chart layout', () => {
  it('lays committed, paid and available end to end, adding up to what the fund received', () => {
    const [bar] = fundBars([
      { _id: 'f1', name: 'Quỹ A', balance: { received: 100 * M, committed: 30 * M, paid: 20 * M, available: 50 * M } },
    ]);
    expect(bar).toEqual({
      id: 'f1',
      name: 'Quỹ A',
      total: 100 * M,
      segments: [
        { part: 'committed', amount: 30 * M, start: 0, end: 30 * M },
        { part: 'paid', amount: 20 * M, start: 30 * M, end: 50 * M },
        { part: 'available', amount: 50 * M, start: 50 * M, end: 100 * M },
      ],
    });
  });

  it.each([
    [0, 'vi', '0'],
    [500_000, 'vi', '500 ng'],
    [50 * M, 'vi', '50 tr'],
    [1_500 * M, 'vi', '1,5 tỷ'],
    [50 * M, 'en', '50M'],
    [1_500 * M, 'en', '1.5B'],
  ] as const)('writes the tick %d short in %s as %s', (amount, lang, text) => {
    expect(shortVnd(amount, lang)).toBe(text);
  });
});

describe('the fund picker', () => {
  it('labels an option with the fund name and what is left, dots as thousands separators', () => {
    const fund = choice('Quỹ Vì người nghèo quận Hà Đông', 30 * M);
    expect(fundOptionLabel(fund, 'vi', (n) => formatVnd(n, 'vi'))).toBe(
      'Quỹ Vì người nghèo quận Hà Đông — còn 30.000.000 ₫',
    );
    expect(fundOptionLabel(fund, 'en', (n) => formatVnd(n, 'en'))).toBe(
      'Quỹ Vì người nghèo quận Hà Đông — 30,000,000 VND available',
    );
  });

  it('asks the API once per kind for the unit, and again after a failure', async () => {
    const paths: string[] = [];
    const answers: ApiResult<unknown>[] = [
      { ok: false, status: 'network', code: 'network', message: 'offline', fields: [] },
      { ok: true, status: 200, value: { items: [choice('A', 1)] } },
    ];
    const api = {
      get: async (path: string) => {
        paths.push(path);
        return answers.shift()!;
      },
    } as unknown as AppApiClient;
    const source = createApiFundSource(api, 'HN-HD-HC');
    await expect(source.list({ all: false })).rejects.toThrow('offline');
    expect((await source.list({ all: false })).map((f) => f.name)).toEqual(['A']);
    await source.list({ all: false });
    expect(paths).toEqual(['/api/funds?unit=HN-HD-HC&active=true', '/api/funds?unit=HN-HD-HC&active=true']);
  });
});

describe('what the fund picker shows', () => {
  const funds = [choice('Quỹ phường Hà Cầu', 5 * M), choice('Ngân sách quận Hà Đông', 30 * M)];
  const ok = { status: 'ok' as const, funds };

  it('offers each active fund with what is left, after "choose"', () => {
    expect(fundPickerView(ok, undefined, false, 'vi')).toEqual({
      kind: 'select',
      options: [
        { value: '', label: '— Chọn nguồn kinh phí —' },
        { value: 'id-Quỹ phường Hà Cầu', label: 'Quỹ phường Hà Cầu — còn 5.000.000 ₫' },
        { value: 'id-Ngân sách quận Hà Đông', label: 'Ngân sách quận Hà Đông — còn 30.000.000 ₫' },
      ],
    });
  });

  it('keeps a stored fund that is no longer offered as an option, so the choice is not lost silently', () => {
    const view = fundPickerView(ok, 'id-gone', false, 'en');
    expect(view.kind === 'select' && view.options.slice(0, 2)).toEqual([
      { value: '', label: '— Choose a fund —' },
      { value: 'id-gone', label: 'A fund no longer in use' },
    ]);
  });

  it('shows the fund’s name read-only, never its id', () => {
    expect(fundPickerView(ok, 'id-Ngân sách quận Hà Đông', true, 'vi')).toEqual({
      kind: 'name',
      text: 'Ngân sách quận Hà Đông',
    });
    expect(fundPickerView({ status: 'loading', funds: [] }, 'id-x', true, 'vi')).toEqual({ kind: 'name', text: '…' });
    expect(fundPickerView(ok, 'id-unknown', true, 'vi')).toEqual({ kind: 'name', text: 'Nguồn không còn sử dụng' });
  });

  it('falls back to the plain input without a fund source or when the list failed', () => {
    expect(fundPickerView(undefined, 'id-x', false, 'vi')).toEqual({ kind: 'plain' });
    expect(fundPickerView({ status: 'failed', funds: [] }, 'id-x', true, 'vi')).toEqual({ kind: 'plain' });
  });
});
