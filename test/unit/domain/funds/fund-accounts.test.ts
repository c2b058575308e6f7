import {
  fundAccountLines,
  fundAccountProblems,
  maskedFundAccounts,
  normalizedFundAccounts,
} from '../../../../domain/funds/fund-accounts';

const bank = { accountNumber: '1234 5678.90', bankName: 'Ngân hàng Chính sách xã hội', branch: 'Hà Nội' };
const treasury = { accountNumber: '9527 1101 2345', treasuryName: 'Kho bạc Nhà nước khu vực I' };

describe('fundAccountProblems', () => {
  it.each([
    ['12345', ['/bankAccount/accountNumber']],
    ['123456', []],
    ['1'.repeat(19), []],
    ['1'.repeat(20), ['/bankAccount/accountNumber']],
    ['12345A7', ['/bankAccount/accountNumber']],
    ['-123456', ['/bankAccount/accountNumber']],
  ])('checks a bank account number %s by its digits and length', (accountNumber, paths) => {
    expect(fundAccountProblems('sponsor', { bankAccount: { ...bank, accountNumber } }).map((p) => p.path)).toEqual(
      paths,
    );
  });

  it('wants the bank and its branch named, and a treasury account only on a state budget fund', () => {
    const blank = { ...bank, bankName: ' ', branch: '' };
    expect(fundAccountProblems('fund_for_the_poor', { bankAccount: blank, treasuryAccount: treasury })).toEqual([
      { path: '/bankAccount/bankName', message: { vi: 'Cần ghi tên ngân hàng', en: 'The bank is required' } },
      { path: '/bankAccount/branch', message: expect.objectContaining({ vi: 'Cần ghi chi nhánh ngân hàng' }) },
      { path: '/treasuryAccount', message: expect.objectContaining({ en: expect.stringContaining('state budget') }) },
    ]);
    expect(fundAccountProblems('state_budget', { treasuryAccount: treasury })).toEqual([]);
    expect(
      fundAccountProblems('state_budget', { treasuryAccount: { ...treasury, accountNumber: '9527' } }).map(
        (p) => p.path,
      ),
    ).toEqual(['/treasuryAccount/accountNumber']);
    expect(fundAccountProblems('sponsor', { bankAccount: null, treasuryAccount: null })).toEqual([]);
  });
});

describe('a fund account as stored, masked and printed', () => {
  it('drops separators, keeps the last four digits for readers without the right, and prints both accounts', () => {
    const stored = normalizedFundAccounts({ bankAccount: bank, treasuryAccount: treasury });
    expect(stored).toEqual({
      bankAccount: { ...bank, accountNumber: '1234567890' },
      treasuryAccount: { ...treasury, accountNumber: '952711012345' },
    });
    const accounts = { bankAccount: stored.bankAccount!, treasuryAccount: stored.treasuryAccount! };
    expect(maskedFundAccounts(accounts).bankAccount?.accountNumber).toBe('••••••7890');
    expect(maskedFundAccounts(accounts).treasuryAccount?.accountNumber).toBe('••••••••2345');
    expect(fundAccountLines(maskedFundAccounts(accounts))).toEqual([
      { label: 'Số tài khoản', value: '••••••7890 tại Ngân hàng Chính sách xã hội, chi nhánh Hà Nội' },
      { label: 'Tài khoản tại Kho bạc', value: '••••••••2345 tại Kho bạc Nhà nước khu vực I' },
    ]);
    expect(fundAccountLines({ bankAccount: null, treasuryAccount: null })).toEqual([]);
  });
});
