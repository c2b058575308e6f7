import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFormValidator, type FieldError, type FormDefinition } from '../../../forms';

const formsDir = join(__dirname, '../../../forms');
const readJson = (path: string): any => JSON.parse(readFileSync(join(formsDir, path), 'utf8'));
const form = (ref: string): FormDefinition => readJson(`definitions/${ref}.json`);
const example = (name: string): any => readJson(`examples/${name}.json`);

const validator = createFormValidator();

interface Case {
  form: string;
  example: string;
  change: (data: any) => void;
  expected: FieldError[];
}

const cases: Record<string, Case> = {
  'a citizen ID that is not 12 digits': {
    form: 'housing-proposal@1',
    example: 'housing-proposal@1',
    change: (d) => {
      d.household.citizenId = '00118502345';
    },
    expected: [
      {
        path: '/household/citizenId',
        keyword: 'format',
        message: { vi: 'Số CCCD: phải gồm đúng 12 chữ số', en: 'Citizen ID: must be exactly 12 digits' },
        params: { format: 'cccd' },
      },
    ],
  },
  'a missing head of household': {
    form: 'housing-proposal@1',
    example: 'housing-proposal@1',
    change: (d) => {
      delete d.household.headName;
    },
    expected: [
      {
        path: '/household/headName',
        keyword: 'required',
        message: { vi: 'Họ và tên chủ hộ: bắt buộc phải nhập', en: 'Head of household: is required' },
        params: { missingProperty: 'headName' },
      },
    ],
  },
  'a repair above 60,000,000 VND': {
    form: 'housing-proposal@1',
    example: 'housing-proposal@1.repair',
    change: (d) => {
      d.support.requestedAmount = 75000000;
    },
    expected: [
      {
        path: '/support/requestedAmount',
        keyword: 'maximum',
        message: {
          vi: 'Số tiền đề nghị hỗ trợ: không được vượt quá 60.000.000 đ khi Hình thức hỗ trợ là “Sửa chữa nhà ở”',
          en: 'Requested amount: must be at most 60,000,000 VND when Support type is "Repair"',
        },
        params: { comparison: '<=', limit: 60000000 },
      },
    ],
  },
  'a repair above even the new-build cap (only the stricter repair limit is reported)': {
    form: 'housing-proposal@1',
    example: 'housing-proposal@1.repair',
    change: (d) => {
      d.support.requestedAmount = 120000000;
    },
    expected: [
      expect.objectContaining({ path: '/support/requestedAmount', keyword: 'maximum', params: { comparison: '<=', limit: 60000000 } }),
    ],
  },
  'a new build above 100,000,000 VND': {
    form: 'housing-proposal@1',
    example: 'housing-proposal@1',
    change: (d) => {
      d.support.requestedAmount = 100000001;
    },
    expected: [
      {
        path: '/support/requestedAmount',
        keyword: 'maximum',
        message: {
          vi: 'Số tiền đề nghị hỗ trợ: không được vượt quá 100.000.000 đ',
          en: 'Requested amount: must be at most 100,000,000 VND',
        },
        params: { comparison: '<=', limit: 100000000 },
      },
    ],
  },
  'a repair without repair items': {
    form: 'housing-proposal@1',
    example: 'housing-proposal@1.repair',
    change: (d) => {
      delete d.support.repairItems;
    },
    expected: [
      {
        path: '/support/repairItems',
        keyword: 'required',
        message: {
          vi: 'Hạng mục sửa chữa: bắt buộc phải nhập khi Hình thức hỗ trợ là “Sửa chữa nhà ở”',
          en: 'Repair items: is required when Support type is "Repair"',
        },
        params: { missingProperty: 'repairItems' },
      },
    ],
  },
  'repair items on a new build': {
    form: 'housing-proposal@1',
    example: 'housing-proposal@1',
    change: (d) => {
      d.support.repairItems = ['Thay mái tôn'];
    },
    expected: [
      {
        path: '/support/repairItems',
        keyword: 'unevaluatedProperties',
        message: {
          vi: 'Hạng mục sửa chữa: chỉ được khai khi Hình thức hỗ trợ là “Sửa chữa nhà ở”',
          en: 'Repair items: only applies when Support type is "Repair"',
        },
        params: { unevaluatedProperty: 'repairItems' },
      },
    ],
  },
  'an empty repair item (the section’s own error, not "not allowed")': {
    form: 'housing-proposal@1',
    example: 'housing-proposal@1.repair',
    change: (d) => {
      d.support.repairItems[1] = '';
    },
    expected: [
      {
        path: '/support/repairItems/1',
        keyword: 'minLength',
        message: { vi: 'Hạng mục sửa chữa (dòng 2): không được để trống', en: 'Repair items (row 2): must not be empty' },
        params: { limit: 1 },
      },
    ],
  },
  'a village meeting with 40% agreement': {
    form: 'housing-proposal@1',
    example: 'housing-proposal@1',
    change: (d) => {
      d.commune.agreementPercent = 40;
    },
    expected: [
      {
        path: '/commune/agreementPercent',
        keyword: 'minimum',
        message: {
          vi: 'Tỷ lệ đồng ý tại cuộc họp: phải từ 50% trở lên',
          en: 'Agreement at the village meeting: must be at least 50%',
        },
        params: { comparison: '>=', limit: 50 },
      },
    ],
  },
  'a near-poor household without its certificate number': {
    form: 'housing-proposal@1',
    example: 'housing-proposal@1',
    change: (d) => {
      delete d.household.povertyCertificateNo;
    },
    expected: [
      {
        path: '/household/povertyCertificateNo',
        keyword: 'required',
        message: {
          vi: 'Số giấy chứng nhận hộ nghèo, hộ cận nghèo: bắt buộc phải nhập khi Diện hộ là “Hộ nghèo” hoặc “Hộ cận nghèo”',
          en: 'Poor or near-poor household certificate number: is required when Household category is "Poor household" or "Near-poor household"',
        },
        params: { missingProperty: 'povertyCertificateNo' },
      },
    ],
  },
  'a household supported in the last 10 years': {
    form: 'housing-proposal@1',
    example: 'housing-proposal@1',
    change: (d) => {
      d.housing.noSupportLast10Years = false;
    },
    expected: [
      {
        path: '/housing/noSupportLast10Years',
        keyword: 'const',
        message: {
          vi: 'Hộ chưa được hỗ trợ nhà ở trong 10 năm gần đây: phải được xác nhận',
          en: 'No housing support in the last 10 years: must be confirmed',
        },
        params: { allowedValue: true },
      },
    ],
  },
  'an unknown poverty status': {
    form: 'housing-proposal@1',
    example: 'housing-proposal@1',
    change: (d) => {
      d.household.povertyStatus = 'rich';
    },
    expected: [
      {
        path: '/household/povertyStatus',
        keyword: 'enum',
        message: {
          vi: 'Diện hộ: phải là “Hộ nghèo”, “Hộ cận nghèo” hoặc “Hộ gặp khó khăn”',
          en: 'Household category: must be "Poor household", "Near-poor household" or "Household in hardship"',
        },
        params: { allowedValues: ['poor', 'near_poor', 'hardship'] },
      },
    ],
  },
  'a funding-source amount that is not positive': {
    form: 'housing-proposal@1',
    example: 'housing-proposal@1',
    change: (d) => {
      d.support.fundingSources[1].amount = 0;
    },
    expected: [
      {
        path: '/support/fundingSources/1/amount',
        keyword: 'exclusiveMinimum',
        message: {
          vi: 'Nguồn kinh phí (dòng 2) – Số tiền: phải lớn hơn 0 đ',
          en: 'Funding sources (row 2) – Amount: must be greater than 0 VND',
        },
        params: { comparison: '>', limit: 0 },
      },
    ],
  },
  'a phone number with spaces and an impossible meeting date': {
    form: 'housing-proposal@1',
    example: 'housing-proposal@1',
    change: (d) => {
      d.household.phone = '0983 456 712';
      d.commune.villageMeetingDate = '2024-02-30';
    },
    expected: [
      {
        path: '/household/phone',
        keyword: 'format',
        message: {
          vi: 'Số điện thoại: phải là số điện thoại Việt Nam hợp lệ, viết liền, ví dụ 0912345678 hoặc +84912345678',
          en: 'Phone number: must be a valid Vietnamese phone number without spaces, e.g. 0912345678 or +84912345678',
        },
        params: { format: 'vn-phone' },
      },
      {
        path: '/commune/villageMeetingDate',
        keyword: 'format',
        message: {
          vi: 'Ngày họp bình xét ở thôn, tổ dân phố: phải là ngày hợp lệ (dd/mm/yyyy)',
          en: 'Village meeting date: must be a valid date (dd/mm/yyyy)',
        },
        params: { format: 'date' },
      },
    ],
  },
  'an unknown extra property': {
    form: 'housing-proposal@1',
    example: 'housing-proposal@1',
    change: (d) => {
      d.household.income = 1500000;
    },
    expected: [
      {
        path: '/household/income',
        keyword: 'additionalProperties',
        message: { vi: '/household/income: không có trong biểu mẫu này', en: '/household/income: is not a field of this form' },
        params: { additionalProperty: 'income' },
      },
    ],
  },
  'a disagreeing review without appraisal notes': {
    form: 'housing-review@1',
    example: 'housing-review@1',
    change: (d) => {
      d.opinion = 'disagree';
      d.approvedAmount = 0;
      delete d.appraisalNotes;
    },
    expected: [
      {
        path: '/appraisalNotes',
        keyword: 'required',
        message: {
          vi: 'Nội dung thẩm định: bắt buộc phải nhập khi Ý kiến thẩm định là “Đồng ý có điều chỉnh” hoặc “Không đồng ý”',
          en: 'Appraisal notes: is required when Appraisal opinion is "Agree with changes" or "Disagree"',
        },
        params: { missingProperty: 'appraisalNotes' },
      },
    ],
  },
  'a decision number in the wrong shape': {
    form: 'housing-decision@1',
    example: 'housing-decision@1',
    change: (d) => {
      d.decisionNumber = 'QĐ-1523/UBND';
    },
    expected: [
      {
        path: '/decisionNumber',
        keyword: 'pattern',
        message: {
          vi: 'Số quyết định: không đúng định dạng, ví dụ: 123/QĐ-UBND',
          en: 'Decision number: is not in the expected format, e.g. 123/QĐ-UBND',
        },
        params: { pattern: '^[0-9]{1,6}/QĐ-[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$' },
      },
    ],
  },
  'a transfer disbursement without a bank account': {
    form: 'housing-disbursement@1',
    example: 'housing-disbursement@1',
    change: (d) => {
      delete d.bankAccount;
    },
    expected: [
      {
        path: '/bankAccount',
        keyword: 'required',
        message: {
          vi: 'Tài khoản nhận tiền: bắt buộc phải nhập khi Hình thức chi trả là “Chuyển khoản”',
          en: 'Receiving bank account: is required when Payment method is "Bank transfer"',
        },
        params: { missingProperty: 'bankAccount' },
      },
    ],
  },
  'a cash disbursement with a bank account': {
    form: 'housing-disbursement@1',
    example: 'housing-disbursement@1',
    change: (d) => {
      d.method = 'cash';
    },
    expected: [
      {
        path: '/bankAccount',
        keyword: 'unevaluatedProperties',
        message: {
          vi: 'Tài khoản nhận tiền: chỉ được khai khi Hình thức chi trả là “Chuyển khoản”',
          en: 'Receiving bank account: only applies when Payment method is "Bank transfer"',
        },
        params: { unevaluatedProperty: 'bankAccount' },
      },
    ],
  },
  'a bad account number inside the bank account (no "not allowed" error for the section)': {
    form: 'housing-disbursement@1',
    example: 'housing-disbursement@1',
    change: (d) => {
      d.bankAccount.accountNumber = '22-01-000';
    },
    expected: [
      {
        path: '/bankAccount/accountNumber',
        keyword: 'pattern',
        message: {
          vi: 'Số tài khoản: không đúng định dạng, ví dụ: 1234567890',
          en: 'Account number: is not in the expected format, e.g. 1234567890',
        },
        params: { pattern: '^[0-9]{6,19}$' },
      },
    ],
  },
};

describe('submissions with mistakes', () => {
  describe.each(Object.entries(cases))('%s', (_name, { form: ref, example: name, change, expected }) => {
    it('are refused with exactly the expected field errors in Vietnamese and English', () => {
      const data = structuredClone(example(name));
      change(data);
      expect(validator.validate(form(ref), data)).toEqual({ valid: false, errors: expected });
    });
  });

  it('report every mistake at once, in the order of the form', () => {
    const data = structuredClone(example('housing-proposal@1'));
    delete data.commune;
    data.household.citizenId = '1';
    data.support.requestedAmount = 0;
    const result = validator.validate(form('housing-proposal@1'), data);
    expect(result.valid || result.errors.map((e) => e.path)).toEqual([
      '/household/citizenId',
      '/support/requestedAmount',
      '/commune',
    ]);
  });

  it('name a field that has no English label by its path', () => {
    const proposal = structuredClone(form('housing-proposal@1'));
    delete (proposal.labels.en as Record<string, string>)['/household/citizenId'];
    const data = structuredClone(example('housing-proposal@1'));
    data.household.citizenId = 'x';
    const result = createFormValidator().validate(proposal, data);
    expect(result.valid || result.errors[0]!.message).toEqual({
      vi: 'Số CCCD: phải gồm đúng 12 chữ số',
      en: '/household/citizenId: must be exactly 12 digits',
    });
  });
});
