import { lineDetail, paymentText, statusCounts } from '../../../web/app/payments/payment-text';
import { hasTreasuryGrant } from '../../../web/app/payments/has-treasury-grant';

describe('the payments page words', () => {
  it.each(['vi', 'en'] as const)('names every line status and every order status in %s', (lang) => {
    const t = paymentText(lang);
    for (const label of [...Object.values(t.lineStatuses), ...Object.values(t.orderStatuses)])
      expect(label.trim()).not.toBe('');
  });

  it('details a line by what the server said: the order amount, the earlier import, the problems and the refusal', () => {
    const vi = paymentText('vi');
    expect(lineDetail({ line: 4, status: 'amount_mismatch', expectedAmount: 50_000_000 }, vi, 'vi')).toBe(
      'Lệnh chi: 50.000.000 ₫',
    );
    expect(lineDetail({ line: 2, status: 'already_imported', earlier: 'settled' }, paymentText('en'), 'en')).toBe(
      'Earlier import: paid',
    );
    expect(
      lineDetail(
        {
          line: 5,
          status: 'bad_line',
          problems: [
            { field: 'valueDate', message: 'Ngày giá trị phải là ngày có thật dạng dd/mm/yyyy' },
            { field: 'amount', message: 'Số tiền phải là số đồng nguyên dương' },
          ],
        },
        vi,
        'vi',
      ),
    ).toBe('Ngày giá trị phải là ngày có thật dạng dd/mm/yyyy; Số tiền phải là số đồng nguyên dương');
    expect(
      lineDetail(
        { line: 6, status: 'refused', error: { status: 403, code: 'forbidden', message: 'Không có quyền' } },
        vi,
        'vi',
      ),
    ).toBe('Không có quyền');
    expect(lineDetail({ line: 7, status: 'settled' }, vi, 'vi')).toBe('');
  });

  it('counts the statuses in a fixed order, leaving out those with no line', () => {
    expect(statusCounts({ bad_line: 2, settled: 3, unknown_reference: 0, already_settled: 1 })).toEqual([
      ['settled', 3],
      ['already_settled', 1],
      ['bad_line', 2],
    ]);
  });

  it('shows the page to treasury officers only', () => {
    expect(hasTreasuryGrant([{ role: 'treasurer', unitCode: 'HN' }])).toBe(true);
    expect(
      hasTreasuryGrant([
        { role: 'district_officer', unitCode: 'HN-HD' },
        { role: 'admin', unitCode: 'HN' },
      ]),
    ).toBe(false);
  });
});
