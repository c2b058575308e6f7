import { calendarRequestSchemas } from './calendar-request-schemas';
import { fundRequestSchemas } from './fund-request-schemas';
import { overlapItem, overlapOverrideRequest, overlapRequestSchemas } from './overlap-schemas';
import { transitionRequestSchemas } from './transition-schemas';
import { planRequestSchema, planRevisionRequestSchema } from '../domain/plans/plan-schema';
import { povertyRegisterRequestSchema } from '../domain/poverty-register/poverty-register-schema';

/** A user's optional English name and title (shown in English mode instead of the Vietnamese one). */
const displayNameEnField = {
  type: 'string',
  title: 'Họ tên và chức danh tiếng Anh',
  minLength: 1,
  maxLength: 200,
  pattern: '^\\S(.*\\S)?$',
} as const;

/**
 * JSON Schemas (2020-12) of the API's request bodies, and of the one error shape every refusal has. The request
 * validator enforces each `…Request` schema with the shared ajv set-up (a body that fails is 422 with each field);
 * all are published as OpenAPI components (see api-schemas.ts).
 */
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
      receivedAt: {
        type: 'string',
        title: 'Thời điểm tiếp nhận hồ sơ giấy',
        description:
          'When a paper dossier was received (ISO instant with offset), if before now: its legal clock starts there.' +
          ' Not in the future, at most 30 days back, inside the process and receiving unit validity.',
        format: 'date-time',
        maxLength: 40,
      },
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
  ...calendarRequestSchemas,
  RoleGrantRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['role', 'unitCode'],
    properties: {
      role: { type: 'string', title: 'Vai trò', pattern: '^[a-z][a-z0-9_]{1,49}$' },
      unitCode: { type: 'string', title: 'Đơn vị', format: 'unit-code' },
      from: {
        type: 'string',
        title: 'Có hiệu lực từ ngày',
        format: 'date',
        description: 'first day the role authorises acting (absent: now); the unit must be in force that day',
      },
    },
  },
  CreateUserRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['username', 'displayName', 'password', 'grants'],
    properties: {
      username: { type: 'string', title: 'Tên đăng nhập', pattern: '^[a-z0-9][a-z0-9._-]{2,63}$' },
      displayName: { type: 'string', title: 'Họ tên hiển thị', minLength: 1, maxLength: 200 },
      displayNameEn: displayNameEnField,
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
  SetUserNamesRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['displayName', 'displayNameEn'],
    properties: {
      displayName: {
        type: 'string',
        title: 'Họ tên hiển thị',
        minLength: 1,
        maxLength: 200,
        pattern: '^\\S(.*\\S)?$',
      },
      displayNameEn: { ...displayNameEnField, type: ['string', 'null'], description: 'null: none' },
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
  ...fundRequestSchemas,
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
