import { DONOR_KINDS } from '../domain/funds/donor-kinds';
import { FUND_KINDS } from '../domain/funds/fund-kinds';

/** A bank statement to import: its file name and its CSV text, of at most `maxLength` characters. */
const bankStatementRequest = (maxLength: number, description: string) =>
  ({
    type: 'object',
    additionalProperties: false,
    required: ['fileName', 'content'],
    properties: {
      fileName: { type: 'string', title: 'Tên tệp sao kê', minLength: 1, maxLength: 200 },
      content: { type: 'string', title: 'Nội dung sao kê (CSV)', description, minLength: 1, maxLength },
    },
  }) as const;

/** A fund's account in a request: every field required, or null to remove it. */
const accountRequest = (title: string, properties: Record<string, { title: string }>) => ({
  anyOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: Object.keys(properties),
      properties: Object.fromEntries(
        Object.entries(properties).map(([name, p]) => [name, { type: 'string', minLength: 1, maxLength: 200, ...p }]),
      ),
    },
    { type: 'null' },
  ],
  title,
});
const bankAccountRequest = accountRequest('Tài khoản ngân hàng của quỹ (null: xóa)', {
  accountNumber: { title: 'Số tài khoản' },
  bankName: { title: 'Ngân hàng' },
  branch: { title: 'Chi nhánh' },
});
const treasuryAccountRequest = accountRequest('Tài khoản tại Kho bạc Nhà nước, chỉ nguồn ngân sách (null: xóa)', {
  accountNumber: { title: 'Số tài khoản tại Kho bạc' },
  treasuryName: { title: 'Kho bạc Nhà nước' },
});

/** The funds' and bank statements' request bodies, in requestSchemas' order. */
export const fundRequestSchemas = {
  CreateFundRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['unitCode', 'kind', 'name'],
    properties: {
      unitCode: { type: 'string', title: 'Đơn vị quản lý quỹ', format: 'unit-code' },
      kind: { enum: FUND_KINDS, title: 'Loại nguồn' },
      name: { type: 'string', title: 'Tên quỹ', minLength: 1, maxLength: 200 },
      campaignFrom: { type: 'string', title: 'Đợt vận động từ ngày', format: 'date' },
      campaignTo: { type: 'string', title: 'Đợt vận động đến ngày', format: 'date' },
      bankAccount: bankAccountRequest,
      treasuryAccount: treasuryAccountRequest,
    },
  },
  UpdateFundRequest: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      name: { type: 'string', title: 'Tên quỹ', minLength: 1, maxLength: 200 },
      campaignFrom: {
        anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }],
        title: 'Đợt vận động từ ngày (null: không giới hạn)',
      },
      campaignTo: {
        anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }],
        title: 'Đợt vận động đến ngày (null: không giới hạn)',
      },
      active: { type: 'boolean', title: 'Đang sử dụng' },
      bankAccount: bankAccountRequest,
      treasuryAccount: treasuryAccountRequest,
    },
  },
  FundReceiptRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['amount', 'date'],
    properties: {
      amount: { type: 'integer', title: 'Số tiền (đồng)', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
      date: { type: 'string', title: 'Ngày nhận', format: 'date' },
      note: { type: 'string', title: 'Ghi chú', maxLength: 500 },
      donor: {
        type: 'object',
        title: 'Người ủng hộ',
        additionalProperties: false,
        required: ['kind', 'name'],
        properties: {
          kind: { enum: DONOR_KINDS, title: 'Loại người ủng hộ' },
          name: { type: 'string', title: 'Tên người ủng hộ', minLength: 1, maxLength: 300, pattern: '\\S' },
        },
      },
    },
  },
  BankStatementRequest: bankStatementRequest(
    500_000,
    'The bank export as CSV: a header row, then per transaction: transaction id, value date dd/mm/yyyy, amount in whole đồng, description (with the payment order reference HS-…), status OK or FAILED',
  ),
  BankStatementImportRequest: bankStatementRequest(
    5_000_000,
    'The bank export as CSV, as for POST /api/payments/bank-statements, up to 5,000 transaction lines',
  ),
} as const;
