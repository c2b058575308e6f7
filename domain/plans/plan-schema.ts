import { LEVELS } from '../process/process-definition';
import { REGISTER_CATEGORIES, REGISTER_COUNTINGS } from '../poverty-register/poverty-register';
import { PLAN_COUNTINGS, PLAN_METRICS, PLAN_PERIOD_KINDS } from './plan';

const code = { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,59}$' } as const;

/** The JSON Schema (2020-12) of one target (see PlanTarget); titles are the Vietnamese field names of errors. */
export const planTargetSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['programme', 'metric', 'value'],
  properties: {
    programme: { ...code, title: 'Chương trình' },
    supportType: { ...code, title: 'Loại hỗ trợ' },
    fundId: { type: 'string', title: 'Nguồn kinh phí', minLength: 1, maxLength: 100 },
    sourceLevels: {
      type: 'array',
      title: 'Cấp của nguồn',
      items: { enum: LEVELS },
      minItems: 1,
      maxItems: 3,
      uniqueItems: true,
    },
    unitCode: { type: 'string', title: 'Đơn vị cấp dưới', format: 'unit-code' },
    metric: { enum: PLAN_METRICS, title: 'Loại chỉ tiêu' },
    value: { type: 'number', title: 'Chỉ tiêu', exclusiveMinimum: 0, maximum: Number.MAX_SAFE_INTEGER },
    counting: { enum: PLAN_COUNTINGS, title: 'Đếm theo' },
    baseline: { type: 'integer', title: 'Số hộ/người làm căn cứ', minimum: 1, maximum: 100_000_000 },
    note: { type: 'string', title: 'Căn cứ, ghi chú', maxLength: 1000 },
    staffBasis: {
      type: 'object',
      title: 'Căn cứ số cán bộ',
      additionalProperties: false,
      required: ['bodies', 'source'],
      properties: {
        bodies: {
          type: 'array',
          title: 'Cơ quan, đơn vị',
          minItems: 1,
          maxItems: 2,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name', 'staff'],
            properties: {
              name: { type: 'string', title: 'Tên cơ quan, đơn vị', minLength: 1, maxLength: 200 },
              staff: { type: 'integer', title: 'Số cán bộ, công chức, người lao động', minimum: 1, maximum: 100_000 },
            },
          },
        },
        source: { type: 'string', title: 'Nguồn số liệu cán bộ', minLength: 1, maxLength: 300 },
      },
    },
    registerBaseline: {
      type: 'object',
      title: 'Căn cứ theo danh sách hộ nghèo',
      additionalProperties: false,
      required: ['categories', 'counting'],
      properties: {
        categories: {
          type: 'array',
          title: 'Diện hộ',
          items: { enum: REGISTER_CATEGORIES },
          minItems: 1,
          maxItems: 3,
          uniqueItems: true,
        },
        counting: { enum: REGISTER_COUNTINGS, title: 'Đếm theo' },
      },
    },
  },
} as const;

const planFields = {
  title: { type: 'string', title: 'Tên kế hoạch', minLength: 1, maxLength: 300 },
  kind: { enum: PLAN_PERIOD_KINDS, title: 'Loại kỳ' },
  from: { type: 'string', title: 'Từ ngày', format: 'date' },
  to: { type: 'string', title: 'Đến ngày', format: 'date' },
  basis: { type: 'string', title: 'Căn cứ, số hiệu văn bản', maxLength: 2000 },
  targets: { type: 'array', title: 'Chỉ tiêu', items: planTargetSchema, maxItems: 300 },
} as const;

/** A new plan (POST /api/plans). */
export const planRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['unitCode', 'title', 'kind', 'from', 'to', 'targets'],
  properties: { unitCode: { type: 'string', title: 'Đơn vị lập kế hoạch', format: 'unit-code' }, ...planFields },
} as const;

/**
 * A new revision of a plan (PUT /api/plans/{id}): the whole plan again, except its unit (a plan never changes unit),
 * with the revision it was edited from (a stale one is 409) and why it changes.
 */
export const planRevisionRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['expectedRevision', 'reason', 'title', 'kind', 'from', 'to', 'targets'],
  properties: {
    expectedRevision: { type: 'integer', title: 'Phiên bản đang sửa', minimum: 1, maximum: 1_000_000 },
    reason: { type: 'string', title: 'Lý do điều chỉnh', minLength: 1, maxLength: 1000 },
    ...planFields,
  },
} as const;
