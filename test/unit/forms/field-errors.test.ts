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
      expect.objectContaining({
        path: '/support/requestedAmount',
        keyword: 'maximum',
        params: { comparison: '<=', limit: 60000000 },
      }),
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
        message: {
          vi: 'Hạng mục sửa chữa (dòng 2): không được để trống',
          en: 'Repair items (row 2): must not be empty',
        },
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
          vi: 'Ngày họp bình xét ở thôn, tổ dân phố: phải là ngày hợp lệ (dd/mm/yyyy) từ 01/01/1900 đến 31/12/2100',
          en: 'Village meeting date: must be a valid date (dd/mm/yyyy) from 01/01/1900 to 31/12/2100',
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
        message: {
          vi: '/household/income: không có trong biểu mẫu này',
          en: '/household/income: is not a field of this form',
        },
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
  'a failed acceptance without the board’s notes': {
    form: 'housing-completion@1',
    example: 'housing-completion@1',
    change: (d) => {
      d.result = 'failed';
      delete d.notes;
    },
    expected: [
      {
        path: '/notes',
        keyword: 'required',
        message: {
          vi: 'Ý kiến của tổ nghiệm thu: bắt buộc phải nhập khi Kết quả nghiệm thu là “Đạt, có ý kiến cần khắc phục” hoặc “Không đạt”',
          en: 'Board\'s notes: is required when Acceptance result is "Passed with notes" or "Failed"',
        },
        params: { missingProperty: 'notes' },
      },
    ],
  },
  'a photo referenced by a file name instead of a stored file ID': {
    form: 'housing-completion@1',
    example: 'housing-completion@1',
    change: (d) => {
      d.photos[1].fileId = 'ảnh nhà.jpg';
    },
    expected: [
      {
        path: '/photos/1/fileId',
        keyword: 'pattern',
        message: {
          vi: 'Ảnh công trình (dòng 2) – Mã tệp ảnh: không đúng định dạng, ví dụ: f_7Kq2mX9pLw',
          en: 'Photos of the house (row 2) – Photo file ID: is not in the expected format, e.g. f_7Kq2mX9pLw',
        },
        params: { pattern: '^[A-Za-z0-9_-]{8,64}$' },
      },
    ],
  },
  'an acceptance without photos': {
    form: 'housing-completion@1',
    example: 'housing-completion@1',
    change: (d) => {
      d.photos = [];
    },
    expected: [
      {
        path: '/photos',
        keyword: 'minItems',
        message: { vi: 'Ảnh công trình: phải có ít nhất 1 mục', en: 'Photos of the house: must have at least 1 item' },
        params: { limit: 1 },
      },
    ],
  },
  'a balance payment without the completion acceptance date': {
    form: 'housing-tranche@1',
    example: 'housing-tranche@1',
    change: (d) => {
      delete d.acceptanceDate;
    },
    expected: [
      {
        path: '/acceptanceDate',
        keyword: 'required',
        message: {
          vi: 'Ngày nghiệm thu hoàn thành: bắt buộc phải nhập khi Đợt chi trả là “Thanh toán phần còn lại sau nghiệm thu”',
          en: 'Completion acceptance date: is required when Tranche is "Balance after completion acceptance"',
        },
        params: { missingProperty: 'acceptanceDate' },
      },
    ],
  },
  'a tranche above 100,000,000 VND paid in cash with a bank account': {
    form: 'housing-tranche@1',
    example: 'housing-tranche@1',
    change: (d) => {
      d.amount = 100000001;
      d.method = 'cash';
    },
    expected: [
      {
        path: '/amount',
        keyword: 'maximum',
        message: {
          vi: 'Số tiền chi trả: không được vượt quá 100.000.000 đ',
          en: 'Amount paid: must be at most 100,000,000 VND',
        },
        params: { comparison: '<=', limit: 100000000 },
      },
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
  'a livelihood model above 15,000,000 VND': {
    form: 'livelihood-model@1',
    example: 'livelihood-model@1',
    change: (d) => {
      d.model.requestedAmount = 15000001;
    },
    expected: [
      {
        path: '/model/requestedAmount',
        keyword: 'maximum',
        message: {
          vi: 'Số tiền đề nghị hỗ trợ: không được vượt quá 15.000.000 đ',
          en: 'Requested amount: must be at most 15,000,000 VND',
        },
        params: { comparison: '<=', limit: 15000000 },
      },
    ],
  },
  'an "other" livelihood model without a description, from an unnamed "other" sponsor': {
    form: 'livelihood-model@1',
    example: 'livelihood-model@1',
    change: (d) => {
      d.model.type = 'other';
      delete d.model.description;
      d.sponsor = 'other';
      delete d.sponsorName;
    },
    expected: [
      {
        path: '/model/description',
        keyword: 'required',
        message: {
          vi: 'Mô tả mô hình: bắt buộc phải nhập khi Loại mô hình là “Mô hình khác”',
          en: 'Model description: is required when Model type is "Other model"',
        },
        params: { missingProperty: 'description' },
      },
      {
        path: '/sponsorName',
        keyword: 'required',
        message: {
          vi: 'Tên đơn vị tài trợ: bắt buộc phải nhập khi Đơn vị tài trợ là “Đơn vị khác”',
          en: 'Sponsor name: is required when Sponsoring organisation is "Other organisation"',
        },
        params: { missingProperty: 'sponsorName' },
      },
    ],
  },
  'a livelihood model without the household’s commitment and with a free input': {
    form: 'livelihood-model@1',
    example: 'livelihood-model@1',
    change: (d) => {
      d.model.inputs[2].unitPrice = 0;
      d.commitment = false;
    },
    expected: [
      {
        path: '/model/inputs/2/unitPrice',
        keyword: 'exclusiveMinimum',
        message: {
          vi: 'Giống, vật tư, công cụ hỗ trợ (dòng 3) – Đơn giá: phải lớn hơn 0 đ',
          en: 'Breeds, supplies and tools (row 3) – Unit price: must be greater than 0 VND',
        },
        params: { comparison: '>', limit: 0 },
      },
      {
        path: '/commitment',
        keyword: 'const',
        message: {
          vi: 'Hộ cam kết sử dụng hỗ trợ đúng mục đích và duy trì mô hình: phải được xác nhận',
          en: 'Household commits to use the support as intended and keep the model going: must be confirmed',
        },
        params: { allowedValue: true },
      },
    ],
  },
  'an existing health-insurance card without its number': {
    form: 'health-insurance-card@1',
    example: 'health-insurance-card@1',
    change: (d) => {
      delete d.cardNumber;
    },
    expected: [
      {
        path: '/cardNumber',
        keyword: 'required',
        message: {
          vi: 'Mã số thẻ BHYT: bắt buộc phải nhập khi Đang có thẻ BHYT là có',
          en: 'Health-insurance card number: is required when Existing health-insurance card is yes',
        },
        params: { missingProperty: 'cardNumber' },
      },
    ],
  },
  'a card number for a person without a card': {
    form: 'health-insurance-card@1',
    example: 'health-insurance-card@1',
    change: (d) => {
      d.existingCard = false;
    },
    expected: [
      {
        path: '/cardNumber',
        keyword: 'unevaluatedProperties',
        message: {
          vi: 'Mã số thẻ BHYT: chỉ được khai khi Đang có thẻ BHYT là có',
          en: 'Health-insurance card number: only applies when Existing health-insurance card is yes',
        },
        params: { unevaluatedProperty: 'cardNumber' },
      },
    ],
  },
  'a 14-character card number and a card above the local 1,500,000 VND default': {
    form: 'health-insurance-card@1',
    example: 'health-insurance-card@1',
    change: (d) => {
      d.cardValue = 1600000;
      d.cardNumber = 'GD401012345678';
    },
    expected: [
      {
        path: '/cardValue',
        keyword: 'maximum',
        message: {
          vi: 'Giá trị thẻ: không được vượt quá 1.500.000 đ',
          en: 'Card value: must be at most 1,500,000 VND',
        },
        params: { comparison: '<=', limit: 1500000 },
      },
      {
        path: '/cardNumber',
        keyword: 'pattern',
        message: {
          vi: 'Mã số thẻ BHYT: không đúng định dạng, ví dụ: GD4010123456789',
          en: 'Health-insurance card number: is not in the expected format, e.g. GD4010123456789',
        },
        params: { pattern: '^[A-Z]{2}[0-9]{13}$' },
      },
    ],
  },
  'a savings book of another amount (the const is written as a bare number)': {
    form: 'savings-book@1',
    example: 'savings-book@1',
    change: (d) => {
      d.amount = 10000000;
    },
    expected: [
      {
        path: '/amount',
        keyword: 'const',
        message: { vi: 'Số tiền trên sổ: phải là 20000000', en: 'Amount in the book: must be 20000000' },
        params: { allowedValue: 20000000 },
      },
    ],
  },
  'a savings book at an unnamed other bank for 3 months': {
    form: 'savings-book@1',
    example: 'savings-book@1',
    change: (d) => {
      d.bank = 'other';
      delete d.bankBranch;
      d.termMonths = 3;
    },
    expected: [
      {
        path: '/bankBranch',
        keyword: 'required',
        message: {
          vi: 'Chi nhánh, phòng giao dịch: bắt buộc phải nhập khi Ngân hàng mở sổ là “Ngân hàng khác”',
          en: 'Branch or transaction office: is required when Bank is "Other bank"',
        },
        params: { missingProperty: 'bankBranch' },
      },
      {
        path: '/termMonths',
        keyword: 'minimum',
        message: { vi: 'Kỳ hạn gửi (tháng): phải từ 6 trở lên', en: 'Term (months): must be at least 6' },
        params: { comparison: '>=', limit: 6 },
      },
    ],
  },
  'education support above 3,000,000 VND for 10 months': {
    form: 'education-support@1',
    example: 'education-support@1',
    change: (d) => {
      d.studyMonths = 10;
      d.amount = 3500000;
    },
    expected: [
      {
        path: '/studyMonths',
        keyword: 'maximum',
        message: { vi: 'Số tháng học thực tế: không được vượt quá 9', en: 'Months of actual study: must be at most 9' },
        params: { comparison: '<=', limit: 9 },
      },
      {
        path: '/amount',
        keyword: 'maximum',
        message: {
          vi: 'Số tiền hỗ trợ: không được vượt quá 3.000.000 đ',
          en: 'Support amount: must be at most 3,000,000 VND',
        },
        params: { comparison: '<=', limit: 3000000 },
      },
    ],
  },
  'a school year written with a slash': {
    form: 'education-support@1',
    example: 'education-support@1',
    change: (d) => {
      d.schoolYear = '2025/2026';
    },
    expected: [
      {
        path: '/schoolYear',
        keyword: 'pattern',
        message: {
          vi: 'Năm học: không đúng định dạng, ví dụ: 2025-2026',
          en: 'School year: is not in the expected format, e.g. 2025-2026',
        },
        params: { pattern: '^20[0-9]{2}-20[0-9]{2}$' },
      },
    ],
  },
  'a lower-secondary pupil without a grade': {
    form: 'education-support@1',
    example: 'education-support@1',
    change: (d) => {
      delete d.child.grade;
    },
    expected: [
      {
        path: '/child/grade',
        keyword: 'required',
        message: {
          vi: 'Lớp: bắt buộc phải nhập khi Cấp học là “Tiểu học”, “Trung học cơ sở”, “Trung học phổ thông” hoặc “Giáo dục thường xuyên”',
          en: 'Grade: is required when School level is "Primary school", "Lower secondary school", "Upper secondary school" or "Continuing education"',
        },
        params: { missingProperty: 'grade' },
      },
    ],
  },
  'a grade for a preschool child': {
    form: 'education-support@1',
    example: 'education-support@1',
    change: (d) => {
      d.child.level = 'preschool';
    },
    expected: [
      {
        path: '/child/grade',
        keyword: 'unevaluatedProperties',
        message: {
          vi: 'Lớp: chỉ được khai khi Cấp học là “Tiểu học”, “Trung học cơ sở”, “Trung học phổ thông” hoặc “Giáo dục thường xuyên”',
          en: 'Grade: only applies when School level is "Primary school", "Lower secondary school", "Upper secondary school" or "Continuing education"',
        },
        params: { unevaluatedProperty: 'grade' },
      },
    ],
  },
  'a primary pupil in grade 7 (the level bound of a conditional field does not say its condition)': {
    form: 'education-support@1',
    example: 'education-support@1',
    change: (d) => {
      d.child.level = 'primary';
    },
    expected: [
      {
        path: '/child/grade',
        keyword: 'maximum',
        message: { vi: 'Lớp: không được vượt quá 5', en: 'Grade: must be at most 5' },
        params: { comparison: '<=', limit: 5 },
      },
    ],
  },
  'a pupil bicycle above 2,000,000 VND (the row’s own limit, not the 6,000,000 VND one)': {
    form: 'household-goods@1',
    example: 'household-goods@1',
    change: (d) => {
      d.goods[1].unitValue = 6500000;
    },
    expected: [
      {
        path: '/goods/1/unitValue',
        keyword: 'maximum',
        message: {
          vi: 'Hiện vật hỗ trợ (dòng 2) – Giá trị mỗi hiện vật: không được vượt quá 2.000.000 đ khi Hiện vật hỗ trợ (dòng 2) – Loại hiện vật là “Xe đạp học sinh”',
          en: 'Goods (row 2) – Value per item: must be at most 2,000,000 VND when Goods (row 2) – Kind is "Pupil\'s bicycle"',
        },
        params: { comparison: '<=', limit: 2000000 },
      },
    ],
  },
  'a refrigerator above 6,000,000 VND': {
    form: 'household-goods@1',
    example: 'household-goods@1.appliance',
    change: (d) => {
      d.goods[0].unitValue = 6500000;
    },
    expected: [
      {
        path: '/goods/0/unitValue',
        keyword: 'maximum',
        message: {
          vi: 'Hiện vật hỗ trợ (dòng 1) – Giá trị mỗi hiện vật: không được vượt quá 6.000.000 đ',
          en: 'Goods (row 1) – Value per item: must be at most 6,000,000 VND',
        },
        params: { comparison: '<=', limit: 6000000 },
      },
    ],
  },
  'six kinds of goods for one household': {
    form: 'household-goods@1',
    example: 'household-goods@1.appliance',
    change: (d) => {
      d.goods = ['fridge', 'tv', 'computer', 'e_bike', 'pupil_bicycle', 'tv'].map((kind) => ({
        kind,
        quantity: 1,
        unitValue: 2000000,
      }));
    },
    expected: [
      {
        path: '/goods',
        keyword: 'maxItems',
        message: { vi: 'Hiện vật hỗ trợ: không được quá 5 mục', en: 'Goods: must have at most 5 items' },
        params: { limit: 5 },
      },
    ],
  },
  'a Tết gift of goods without its contents, above the local 2,000,000 VND default': {
    form: 'tet-gift@1',
    example: 'tet-gift@1',
    change: (d) => {
      d.giftKind = 'goods';
      delete d.giftDescription;
      d.value = 2500000;
    },
    expected: [
      {
        path: '/giftDescription',
        keyword: 'required',
        message: {
          vi: 'Nội dung quà: bắt buộc phải nhập khi Hình thức quà là “Hiện vật” hoặc “Tiền mặt và hiện vật”',
          en: 'Gift contents: is required when Kind of gift is "Goods" or "Cash and goods"',
        },
        params: { missingProperty: 'giftDescription' },
      },
      {
        path: '/value',
        keyword: 'maximum',
        message: {
          vi: 'Giá trị suất quà: không được vượt quá 2.000.000 đ',
          en: 'Gift value: must be at most 2,000,000 VND',
        },
        params: { comparison: '<=', limit: 2000000 },
      },
    ],
  },
  'a Tết gift campaign before 2024': {
    form: 'tet-gift@1',
    example: 'tet-gift@1',
    change: (d) => {
      d.campaignYear = 2023;
    },
    expected: [
      {
        path: '/campaignYear',
        keyword: 'enum',
        message: {
          vi: 'Quà Tết năm: phải là 2024, 2025, 2026, 2027, 2028, 2029 hoặc 2030',
          en: 'Tết year: must be 2024, 2025, 2026, 2027, 2028, 2029 or 2030',
        },
        params: { allowedValues: [2024, 2025, 2026, 2027, 2028, 2029, 2030] },
      },
    ],
  },
  'a sponsoring agency without its unit code': {
    form: 'sponsorship-commitment@1',
    example: 'sponsorship-commitment@1',
    change: (d) => {
      delete d.sponsor.unitCode;
    },
    expected: [
      {
        path: '/sponsor/unitCode',
        keyword: 'required',
        message: {
          vi: 'Mã đơn vị hành chính của cơ quan, đơn vị: bắt buộc phải nhập khi Loại bên nhận đỡ đầu là “Cơ quan, đơn vị, doanh nghiệp”',
          en: 'Sponsoring agency\'s administrative unit code: is required when Kind of sponsor is "Agency, organisation or business"',
        },
        params: { missingProperty: 'unitCode' },
      },
    ],
  },
  'an individual sponsor with a unit code': {
    form: 'sponsorship-commitment@1',
    example: 'sponsorship-commitment@1',
    change: (d) => {
      d.sponsor.kind = 'individual';
    },
    expected: [
      {
        path: '/sponsor/unitCode',
        keyword: 'unevaluatedProperties',
        message: {
          vi: 'Mã đơn vị hành chính của cơ quan, đơn vị: chỉ được khai khi Loại bên nhận đỡ đầu là “Cơ quan, đơn vị, doanh nghiệp”',
          en: 'Sponsoring agency\'s administrative unit code: only applies when Kind of sponsor is "Agency, organisation or business"',
        },
        params: { unevaluatedProperty: 'unitCode' },
      },
    ],
  },
  'a co-sponsored commitment below 100,000 VND a month for 48 months, without a coordinating body': {
    form: 'sponsorship-commitment@1',
    example: 'sponsorship-commitment@1',
    change: (d) => {
      d.monthlyAmount = 50000;
      d.durationMonths = 48;
      delete d.coordinatingBody;
    },
    expected: [
      {
        path: '/monthlyAmount',
        keyword: 'minimum',
        message: {
          vi: 'Mức hỗ trợ hằng tháng: phải từ 100.000 đ trở lên',
          en: 'Monthly amount: must be at least 100,000 VND',
        },
        params: { comparison: '>=', limit: 100000 },
      },
      {
        path: '/durationMonths',
        keyword: 'maximum',
        message: {
          vi: 'Thời gian hỗ trợ (tháng): không được vượt quá 36',
          en: 'Duration (months): must be at most 36',
        },
        params: { comparison: '<=', limit: 36 },
      },
      {
        path: '/coordinatingBody',
        keyword: 'required',
        message: {
          vi: 'Tổ chức đầu mối: bắt buộc phải nhập khi Nhiều bên cùng đỡ đầu là có',
          en: 'Coordinating body: is required when Co-sponsored is yes',
        },
        params: { missingProperty: 'coordinatingBody' },
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
