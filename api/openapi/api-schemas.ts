/**
 * JSON Schemas (2020-12) of the API's request and response bodies. Request schemas are enforced by the request
 * validator with the shared ajv set-up; all of them are published as OpenAPI components.
 */
const localized = {
  type: 'object',
  required: ['vi', 'en'],
  properties: { vi: { type: 'string' }, en: { type: 'string' } },
} as const;

export const apiSchemas = {
  LoginRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['username', 'password'],
    properties: {
      username: { type: 'string', title: 'Tên đăng nhập', minLength: 1, maxLength: 100 },
      password: { type: 'string', title: 'Mật khẩu', minLength: 1, maxLength: 200 },
    },
  },
  CreateDossierRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['processKey', 'data'],
    properties: {
      processKey: { type: 'string', title: 'Quy trình', minLength: 1, maxLength: 100 },
      processVersion: { type: 'integer', title: 'Phiên bản quy trình', minimum: 1 },
      unitCode: { type: 'string', title: 'Đơn vị tiếp nhận', minLength: 1, maxLength: 50 },
      data: { type: 'object', title: 'Dữ liệu biểu mẫu' },
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
      processVersion: { type: 'integer', title: 'Phiên bản quy trình', minimum: 1 },
      unitCode: { type: 'string', title: 'Đơn vị tiếp nhận', format: 'unit-code' },
      origins: {
        type: 'array',
        title: 'Các trang được phép nhúng',
        minItems: 1,
        maxItems: 20,
        items: { type: 'string', title: 'Origin', pattern: '^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$' },
      },
      expiresAt: { type: 'string', title: 'Hết hạn lúc', format: 'date-time' },
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
      password: { type: 'string', title: 'Mật khẩu', minLength: 8, maxLength: 200 },
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
    properties: { password: { type: 'string', title: 'Mật khẩu mới', minLength: 8, maxLength: 200 } },
  },
  CreateUnitRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['code', 'name', 'level', 'parentCode', 'effectiveFrom'],
    properties: {
      code: { type: 'string', title: 'Mã đơn vị', format: 'unit-code' },
      name: { type: 'string', title: 'Tên đơn vị', minLength: 1, maxLength: 200 },
      nameEn: { type: 'string', title: 'Tên tiếng Anh', maxLength: 200 },
      level: { enum: ['district', 'commune'], title: 'Cấp' },
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
    },
  },
  EmbedSubmissionRequest: {
    type: 'object',
    additionalProperties: false,
    required: ['data'],
    properties: { data: { type: 'object', title: 'Dữ liệu biểu mẫu' } },
  },
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message', 'fields'],
        properties: {
          code: { type: 'string' },
          message: { type: 'string' },
          fields: {
            type: 'array',
            items: {
              type: 'object',
              required: ['path', 'keyword', 'message'],
              properties: { path: { type: 'string' }, keyword: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
    },
  },
  LoginResponse: {
    type: 'object',
    required: ['token', 'expiresAt', 'user'],
    properties: {
      token: { type: 'string' },
      expiresAt: { type: 'string', format: 'date-time' },
      user: { type: 'object' },
    },
  },
  ProcessSummary: {
    type: 'object',
    required: ['key', 'version', 'title', 'programme'],
    properties: {
      key: { type: 'string' },
      version: { type: 'integer' },
      title: localized,
      programme: { type: 'string' },
      versions: { type: 'array', items: { type: 'integer' } },
    },
  },
  Dossier: {
    type: 'object',
    required: ['id', 'status', 'processKey', 'processVersion', 'history'],
    properties: {
      id: { type: 'string' },
      status: { type: 'string' },
      outcome: { type: ['string', 'null'] },
      processKey: { type: 'string' },
      processVersion: { type: 'integer' },
      currentStep: { type: ['object', 'null'] },
      timeliness: { type: ['string', 'null'], enum: ['not_due', 'near_due', 'overdue', 'on_time', 'late', null] },
      clock: {
        type: ['object', 'null'],
        description:
          'The SLA clock: overall due time, reminder, stopped clock (stoppedAt), returns used, the extension',
      },
      history: { type: 'array', items: { type: 'object' } },
    },
  },
  DecisionResult: {
    type: 'object',
    required: ['dossierId', 'seq', 'status'],
    properties: {
      dossierId: { type: 'string' },
      seq: { type: 'integer' },
      status: { type: 'string' },
      currentStep: { type: ['string', 'null'] },
      dueAt: { type: ['string', 'null'] },
      overallDueAt: { type: ['string', 'null'] },
    },
  },
  BulkActionResult: {
    type: 'object',
    required: ['action', 'dryRun', 'total', 'decided', 'processing', 'failed', 'items'],
    properties: {
      action: { type: 'string' },
      dryRun: { type: 'boolean' },
      total: { type: 'integer' },
      decided: { type: 'integer' },
      processing: { type: 'integer' },
      failed: { type: 'integer' },
      items: {
        type: 'array',
        description: 'One per dossier, in the order sent',
        items: {
          type: 'object',
          required: ['dossierId', 'outcome'],
          properties: {
            dossierId: { type: 'string' },
            outcome: {
              enum: ['ready', 'decided', 'processing', 'failed'],
              description: 'ready: dry run only; processing: send the request again with the same Idempotency-Key',
            },
            result: {
              type: 'object',
              description: 'decided: what POST /api/dossiers/{id}/actions answers (seq, status, currentStep, dueAt…)',
            },
            updateId: { type: 'string' },
            error: {
              type: 'object',
              required: ['status', 'code', 'message'],
              properties: { status: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
    },
  },
  UnitList: {
    type: 'object',
    required: ['at', 'under', 'items'],
    properties: {
      at: { type: ['string', 'null'], format: 'date' },
      under: { type: ['string', 'null'] },
      area: { type: 'string', description: 'embed only: the province whose units are listed' },
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['code', 'name', 'level', 'parent', 'effectiveFrom', 'effectiveTo', 'successor'],
          properties: {
            code: { type: 'string' },
            name: { type: 'string' },
            nameEn: { type: 'string' },
            level: { type: 'string', enum: ['province', 'district', 'commune'] },
            parent: { type: ['string', 'null'] },
            effectiveFrom: { type: 'string', format: 'date' },
            effectiveTo: { type: ['string', 'null'], format: 'date' },
            successor: { type: ['string', 'null'] },
          },
        },
      },
    },
  },
  InboxPage: {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: {
      items: { type: 'array', items: { type: 'object' } },
      nextCursor: { type: ['string', 'null'] },
      counts: {
        type: 'object',
        description: 'First page only: matches of the programme and status filters, in all and per open timeliness',
        properties: {
          total: { type: 'integer' },
          not_due: { type: 'integer' },
          near_due: { type: 'integer' },
          overdue: { type: 'integer' },
          stopped: { type: 'integer' },
        },
      },
    },
  },
} as const;

export type ApiSchemaName = keyof typeof apiSchemas;
