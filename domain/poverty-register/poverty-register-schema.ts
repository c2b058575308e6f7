import { REGISTER_CATEGORIES } from './poverty-register';

/**
 * A citizen id: 12 digits (the `cccd` form format, spelled as a pattern so the published OpenAPI document needs no
 * custom format).
 */
const cccd = { type: 'string', pattern: '^[0-9]{12}$', examples: ['001085012345'], title: 'Số CCCD' } as const;
const name = (title: string) => ({ type: 'string', title, minLength: 1, maxLength: 100 }) as const;

/** At most this many households in one commune's register (the largest communes hold a few thousand). */
export const MAX_REGISTER_HOUSEHOLDS = 5000;

/** One household of the register (see RegisterHousehold); titles are the Vietnamese field names of errors. */
export const registerHouseholdSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['headName', 'cccd', 'hamlet', 'category', 'ethnicMinority', 'members'],
  properties: {
    headName: name('Họ và tên chủ hộ'),
    cccd: { ...cccd, title: 'Số CCCD của chủ hộ' },
    hamlet: name('Thôn, tổ dân phố'),
    category: { enum: REGISTER_CATEGORIES, title: 'Diện hộ' },
    ethnicMinority: { type: 'boolean', title: 'Hộ dân tộc thiểu số' },
    members: {
      type: 'array',
      title: 'Thành viên hộ',
      maxItems: 30,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'cccd'],
        properties: { name: name('Họ và tên thành viên'), cccd },
      },
    },
  },
} as const;

/** A new revision of a commune's register for a year (POST /api/poverty-registers), whole. */
export const povertyRegisterRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['unitCode', 'year', 'expectedRevision', 'reason', 'households'],
  properties: {
    unitCode: { type: 'string', title: 'Xã, phường', format: 'unit-code' },
    year: { type: 'integer', title: 'Năm rà soát', minimum: 2000, maximum: 2099 },
    expectedRevision: { type: 'integer', title: 'Phiên bản đang thay', minimum: 0, maximum: 1_000_000 },
    reason: { type: 'string', title: 'Lý do', minLength: 1, maxLength: 1000, pattern: '\\S' },
    households: {
      type: 'array',
      title: 'Danh sách hộ',
      items: registerHouseholdSchema,
      maxItems: MAX_REGISTER_HOUSEHOLDS,
    },
  },
} as const;
