import { FUND_KINDS } from '../domain/funds/fund-kinds';
import { DONOR_KINDS } from '../domain/funds/donor-kinds';
import { overlapItem, overlapOverrideRequest, overlapRequestSchemas } from './overlap-schemas';
import { transitionRequestSchemas } from './transition-schemas';
import { planRequestSchema, planRevisionRequestSchema } from '../domain/plans/plan-schema';
import { povertyRegisterRequestSchema } from '../domain/poverty-register/poverty-register-schema';

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

/** A published document: its number, date and issuer. */
const calendarSource = {
  type: 'object',
  additionalProperties: false,
  required: ['document', 'date', 'issuer'],
  properties: {
    document: { type: 'string', title: 'Số văn bản', minLength: 1, maxLength: 100, pattern: '\\S' },
    date: { type: 'string', title: 'Ngày văn bản', format: 'date' },
    issuer: { type: 'string', title: 'Cơ quan ban hành', minLength: 1, maxLength: 200, pattern: '\\S' },
  },
} as const;

/** A day of a schedule: its date and name, and its own document when it is not the schedule's. */
const scheduleDay = {
  type: 'object',
  additionalProperties: false,
  required: ['date', 'name'],
  properties: {
    date: { type: 'string', title: 'Ngày', format: 'date' },
    name: { type: 'string', title: 'Tên ngày', minLength: 1, maxLength: 200, pattern: '\\S' },
    source: { ...calendarSource, title: 'Văn bản riêng của ngày này (nếu khác)' },
    note: { type: 'string', title: 'Ghi chú', maxLength: 500 },
  },
} as const;

/** A year's schedule as published: the notice, its weekdays off and its make-up working days. */
const calendarScheduleRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['publication', 'daysOff', 'workingDays'],
  properties: {
    publication: { ...calendarSource, title: 'Văn bản công bố lịch' },
    daysOff: { type: 'array', title: 'Ngày nghỉ (ngày thường)', maxItems: 60, items: scheduleDay },
    workingDays: { type: 'array', title: 'Ngày làm bù (thứ Bảy, Chủ nhật)', maxItems: 30, items: scheduleDay },
    expectedUpdatedAt: {
      title: 'Thời điểm sửa lịch mà biểu mẫu đã dựa vào',
      description:
        'The `updatedAt` of the calendar the form was filled in from (null: nothing stored for the scope yet). When it is not the stored one the load is refused with 409 `calendar_changed`.',
      anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }],
    },
  },
} as const;

/**
 * JSON Schemas (2020-12) of the API's request bodies, and of the one error shape every refusal has. The request
 * validator enforces each `…Request` schema with the shared ajv set-up (a body that fails is 422 with each field);
 * all are published as OpenAPI components (see api-schemas.ts).
 */
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

export const requestSchemas = {
  LoginRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['username', 'password'],
    properties: {
      username: { type: 'string', title: 'Tên đăng nhập', minLength: 1, maxLength: 100 },
      password: { type: 'string', title: 'Mật khẩu', minLength: 1, maxLength: 200 },
    },
  },
  RefreshRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['refreshToken'],
    properties: {
      refreshToken: { type: 'string', title: 'Mã làm mới phiên', pattern: '^[A-Za-z0-9_-]{20,200}$' },
    },
  },
  CreateDossierRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['processKey', 'data'],
    properties: {
      processKey: { type: 'string', title: 'Quy trình', minLength: 1, maxLength: 100 },
      processVersion: { type: 'integer', title: 'Phiên bản quy trình', minimum: 1, maximum: 10000 },
      unitCode: { type: 'string', title: 'Đơn vị tiếp nhận', minLength: 1, maxLength: 50 },
      data: { type: 'object', title: 'Dữ liệu biểu mẫu' },
      overlapOverride: overlapOverrideRequest,
    },
  },
  ActionRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['action'],
    properties: {
      action: { enum: ['submit', 'approve', 'return', 'reject', 'withdraw'], title: 'Thao tác' },
      data: { type: 'object', title: 'Dữ liệu biểu mẫu' },
      comment: { type: 'string', title: 'Ý kiến', maxLength: 4000 },
    },
  },
  BulkActionRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['dossierIds', 'action'],
    properties: {
      dossierIds: {
        type: 'array',
        title: 'Hồ sơ',
        description: 'The dossiers, each at most once (a repeat is refused at its index)',
        minItems: 1,
        maxItems: 100,
        items: { type: 'string', minLength: 1, maxLength: 64 },
      },
      action: { enum: ['submit', 'approve', 'return', 'reject', 'withdraw'], title: 'Thao tác' },
      comment: {
        type: 'string',
        title: 'Ý kiến',
        description: 'One comment for every dossier; required when the action needs a reason',
        maxLength: 4000,
      },
      dryRun: { type: 'boolean', title: 'Chỉ kiểm tra', description: 'Check every dossier and decide nothing' },
    },
  },
  ExtensionRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['reason', 'newDueDate'],
    properties: {
      reason: { type: 'string', title: 'Lý do xin lỗi và gia hạn', minLength: 1, maxLength: 4000, pattern: '\\S' },
      newDueDate: { type: 'string', title: 'Ngày hẹn trả kết quả mới', format: 'date' },
    },
  },
  RecomputeDeadlineRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['reason'],
    properties: {
      reason: { type: 'string', title: 'Lý do tính lại hạn', minLength: 1, maxLength: 4000, pattern: '\\S' },
    },
  },
  CreateEmbedTokenRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['label', 'processKey', 'unitCode', 'origins', 'expiresAt'],
    properties: {
      label: { type: 'string', title: 'Tên gợi nhớ', minLength: 1, maxLength: 200 },
      processKey: { type: 'string', title: 'Quy trình', minLength: 1, maxLength: 100 },
      processVersion: { type: 'integer', title: 'Phiên bản quy trình', minimum: 1, maximum: 10000 },
      unitCode: { type: 'string', title: 'Đơn vị tiếp nhận', format: 'unit-code' },
      origins: {
        type: 'array',
        title: 'Các trang được phép nhúng',
        minItems: 1,
        maxItems: 20,
        items: {
          type: 'string',
          title: 'Origin',
          description:
            'A web origin: http or https, a host name of DNS labels or an IP address, an optional port (1–65535), nothing after it',
          maxLength: 300,
          pattern:
            '^[Hh][Tt][Tt][Pp][Ss]?://(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?$',
          examples: ['https://dichvucong.hanoi.gov.vn'],
        },
      },
      expiresAt: {
        type: 'string',
        title: 'Hết hạn lúc',
        description: 'In the future, and at most 2 years (730 days) after the token is created',
        format: 'date-time',
      },
      rateLimitPerMinute: { type: 'integer', title: 'Số lần gửi mỗi phút', minimum: 1, maximum: 600 },
    },
  },
  CalendarDayRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['date', 'kind'],
    properties: {
      date: { type: 'string', title: 'Ngày', format: 'date' },
      kind: { enum: ['day_off', 'working_day', 'default'], title: 'Loại ngày' },
      name: { type: 'string', title: 'Tên (ví dụ: nghỉ bù, làm bù)', maxLength: 200 },
      expectedUpdatedAt: {
        title: 'Thời điểm sửa lịch mà biểu mẫu đã dựa vào',
        description:
          'The `updatedAt` of the calendar the form was filled in from (null: the province had no override yet). When it is not the stored one the edit is refused with 409 `calendar_changed`. Omitted: the edit applies to the year as stored now (concurrent edits still have exactly one winner).',
        anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }],
      },
    },
  },
  CalendarScheduleRequest: calendarScheduleRequest,
  RoleGrantRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['role', 'unitCode'],
    properties: {
      role: { type: 'string', title: 'Vai trò', pattern: '^[a-z][a-z0-9_]{1,49}$' },
      unitCode: { type: 'string', title: 'Đơn vị', format: 'unit-code' },
    },
  },
  CreateUserRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['username', 'displayName', 'password', 'grants'],
    properties: {
      username: { type: 'string', title: 'Tên đăng nhập', pattern: '^[a-z0-9][a-z0-9._-]{2,63}$' },
      displayName: { type: 'string', title: 'Họ tên hiển thị', minLength: 1, maxLength: 200 },
      password: { type: 'string', title: 'Mật khẩu', minLength: 12, maxLength: 200 },
      grants: {
        type: 'array',
        title: 'Vai trò',
        minItems: 1,
        maxItems: 50,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['role', 'unitCode'],
          properties: {
            role: { type: 'string', title: 'Vai trò', pattern: '^[a-z][a-z0-9_]{1,49}$' },
            unitCode: { type: 'string', title: 'Đơn vị', format: 'unit-code' },
          },
        },
      },
    },
  },
  SetPasswordRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['password'],
    properties: { password: { type: 'string', title: 'Mật khẩu mới', minLength: 12, maxLength: 200 } },
  },
  SetOidcLinkRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['subject'],
    properties: {
      subject: {
        type: ['string', 'null'],
        title: 'Tài khoản một cửa của tỉnh',
        description: "The user's value of the provider's username claim (HOSO_OIDC_USERNAME_CLAIM); null unlinks",
        minLength: 1,
        maxLength: 200,
        pattern: '^\\S(.*\\S)?$',
      },
    },
  },
  CreateUnitRequest: {
    type: 'object',
    additionalProperties: false,
    description: 'A province has no parentCode; a district or commune names its parent',
    required: ['code', 'name', 'level', 'effectiveFrom'],
    properties: {
      code: { type: 'string', title: 'Mã đơn vị', format: 'unit-code' },
      name: { type: 'string', title: 'Tên đơn vị', minLength: 1, maxLength: 200 },
      nameEn: { type: 'string', title: 'Tên tiếng Anh', maxLength: 200 },
      level: { enum: ['province', 'district', 'commune'], title: 'Cấp' },
      parentCode: { type: 'string', title: 'Đơn vị cấp trên', format: 'unit-code' },
      effectiveFrom: { type: 'string', title: 'Hiệu lực từ ngày', format: 'date' },
    },
  },
  RetireUnitRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['effectiveTo'],
    properties: {
      effectiveTo: { type: 'string', title: 'Ngày cuối còn hiệu lực', format: 'date' },
      successorCode: { type: 'string', title: 'Đơn vị kế thừa', format: 'unit-code' },
      successors: {
        type: 'array',
        title: 'Các đơn vị kế thừa',
        description: 'A split or merger: each successor with its share of households (percent) or a rule',
        minItems: 1,
        maxItems: 50,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['code'],
          properties: {
            code: { type: 'string', title: 'Đơn vị kế thừa', format: 'unit-code' },
            share: { type: 'number', title: 'Tỷ lệ hộ (%)', exclusiveMinimum: 0, maximum: 100 },
            rule: { type: 'string', title: 'Quy tắc phân chia', minLength: 1, maxLength: 500, pattern: '\\S' },
          },
        },
      },
    },
  },
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
  EmbedSubmissionRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['data'],
    properties: { data: { type: 'object', title: 'Dữ liệu biểu mẫu' }, overlapOverride: overlapOverrideRequest },
  },
  CitizenStatusRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['code', 'secret'],
    properties: {
      code: { type: 'string', title: 'Mã hồ sơ', minLength: 1, maxLength: 60 },
      secret: { type: 'string', title: 'Mã tra cứu', minLength: 1, maxLength: 40 },
    },
  },
  ...overlapRequestSchemas,
  ...transitionRequestSchemas,
  PlanRequest: planRequestSchema,
  PlanRevisionRequest: planRevisionRequestSchema,
  PovertyRegisterRequest: povertyRegisterRequestSchema,
  PovertyRegisterXlsxRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['content'],
    properties: {
      content: {
        type: 'string',
        title: 'Tệp Excel danh sách hộ',
        description: 'the .xlsx workbook, base64; one person a row (see docs/poverty-register.md)',
        minLength: 1,
        maxLength: 8_000_000,
        contentEncoding: 'base64',
      },
    },
  },
  Error: {
    type: 'object',
    additionalProperties: false,
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'message', 'fields'],
        properties: {
          code: { type: 'string' },
          message: { type: 'string', description: "In the request's Accept-Language (vi or en)" },
          fields: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['path', 'keyword', 'message'],
              properties: { path: { type: 'string' }, keyword: { type: 'string' }, message: { type: 'string' } },
            },
          },
          overlaps: { type: 'array', items: overlapItem, description: 'OverlapFound only: the overlapping dossiers' },
        },
      },
    },
  },
} as const;
