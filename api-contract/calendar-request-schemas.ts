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

/** The calendar's request bodies (a province's day, a year's published schedule), in requestSchemas' order. */
export const calendarRequestSchemas = {
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
} as const;
