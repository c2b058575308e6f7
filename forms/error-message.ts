import type { LocalizedText } from './localized-text';

/** What a message may say about the failed rule; built by `localizeErrors` from an ajv error and the form. */
export interface MessageContext {
  /** ajv's keyword (`required`, `maximum`, `false schema`, ...). */
  keyword: string;
  /** ajv's params for the keyword. */
  params: Record<string, unknown>;
  /** ajv's own (English) message, used only for keywords this table does not know. */
  ajvMessage: string | undefined;
  /** A number of this field in each language, with the field's unit. */
  quantity(value: number): LocalizedText;
  /** Values of this field as users read them (option names, quoted), joined with the conjunction. */
  values(values: readonly unknown[], conjunction: LocalizedText): LocalizedText;
  /** The label of a sibling property of this field. */
  sibling(name: string): LocalizedText;
  /** The first of the field's `examples`, if any. */
  example: string | undefined;
  /** Whether the field at the error's path is declared anywhere in the schema (for not-allowed properties). */
  declared: boolean;
  /** When the rule comes from a `then`: its condition in words (`Hình thức hỗ trợ là “Sửa chữa nhà ở”`). */
  condition: LocalizedText | undefined;
}

type Template = (ctx: MessageContext) => LocalizedText;

const or: LocalizedText = { vi: 'hoặc', en: 'or' };
const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value));
const both = (vi: string, en: string): LocalizedText => ({ vi, en });
const map = (a: LocalizedText, f: (text: string, lang: keyof LocalizedText) => string): LocalizedText => ({
  vi: f(a.vi, 'vi'),
  en: f(a.en, 'en'),
});

const typeNames: Record<string, LocalizedText> = {
  integer: both('số nguyên', 'a whole number'),
  number: both('số', 'a number'),
  string: both('chuỗi ký tự', 'text'),
  boolean: both('giá trị đúng/sai', 'true or false'),
  array: both('danh sách', 'a list'),
  object: both('nhóm thông tin', 'an object'),
  null: both('rỗng (null)', 'null'),
};

/**
 * Formats: friendly wording for the ones forms use; the value's stored shape (ISO dates) is what the API expects, the
 * wording is what a person sees next to the date picker.
 */
const formatMessages: Record<string, LocalizedText> = {
  cccd: both('phải gồm đúng 12 chữ số', 'must be exactly 12 digits'),
  'vn-phone': both(
    'phải là số điện thoại Việt Nam hợp lệ, viết liền, ví dụ 0912345678 hoặc +84912345678',
    'must be a valid Vietnamese phone number without spaces, e.g. 0912345678 or +84912345678',
  ),
  'unit-code': both(
    'phải là mã đơn vị hành chính gồm 1–4 nhóm chữ in hoa hoặc chữ số nối bằng dấu “-”, ví dụ HN-HD-HC',
    'must be an administrative unit code of 1–4 groups of capital letters or digits joined by "-", e.g. HN-HD-HC',
  ),
  date: both(
    'phải là ngày hợp lệ (dd/mm/yyyy) từ 01/01/1900 đến 31/12/2100',
    'must be a valid date (dd/mm/yyyy) from 01/01/1900 to 31/12/2100',
  ),
  'date-time': both(
    'phải là ngày giờ hợp lệ (dd/mm/yyyy hh:mm) từ 01/01/1900 đến 31/12/2100',
    'must be a valid date and time (dd/mm/yyyy hh:mm) from 01/01/1900 to 31/12/2100',
  ),
  email: both('phải là địa chỉ thư điện tử hợp lệ', 'must be a valid email address'),
  uri: both('phải là đường dẫn (URL) hợp lệ', 'must be a valid URL'),
};

const limit: (vi: (n: string) => string, en: (n: string) => string) => Template = (vi, en) => (ctx) => {
  const n = ctx.quantity(num(ctx.params['limit']));
  return { vi: vi(n.vi), en: en(n.en) };
};

const count = (n: unknown, vi: string, enOne: string, enMany: string): LocalizedText =>
  num(n) === 1 ? both(`1 ${vi}`, `1 ${enOne}`) : both(`${num(n)} ${vi}`, `${num(n)} ${enMany}`);

const notAllowed: Template = (ctx) => {
  if (!ctx.declared) return both('không có trong biểu mẫu này', 'is not a field of this form');
  if (ctx.condition)
    return { vi: `chỉ được khai khi ${ctx.condition.vi}`, en: `only applies when ${ctx.condition.en}` };
  return both('không áp dụng trong trường hợp này', 'does not apply here');
};

const templates: Record<string, Template> = {
  required: () => both('bắt buộc phải nhập', 'is required'),
  dependentRequired: (ctx) =>
    map(ctx.sibling(String(ctx.params['property'])), (label, lang) =>
      lang === 'vi' ? `bắt buộc phải nhập khi đã có “${label}”` : `is required when "${label}" is given`,
    ),
  type: (ctx) => {
    const names = String(ctx.params['type'])
      .split(',')
      .map((t) => typeNames[t] ?? both(t, t));
    return {
      vi: `phải là ${names.map((n) => n.vi).join(' hoặc ')}`,
      en: `must be ${names.map((n) => n.en).join(' or ')}`,
    };
  },
  minimum: limit(
    (n) => `phải từ ${n} trở lên`,
    (n) => `must be at least ${n}`,
  ),
  maximum: limit(
    (n) => `không được vượt quá ${n}`,
    (n) => `must be at most ${n}`,
  ),
  exclusiveMinimum: limit(
    (n) => `phải lớn hơn ${n}`,
    (n) => `must be greater than ${n}`,
  ),
  exclusiveMaximum: limit(
    (n) => `phải nhỏ hơn ${n}`,
    (n) => `must be less than ${n}`,
  ),
  multipleOf: (ctx) => {
    const n = ctx.quantity(num(ctx.params['multipleOf']));
    return { vi: `phải là bội số của ${n.vi}`, en: `must be a multiple of ${n.en}` };
  },
  minLength: (ctx) =>
    num(ctx.params['limit']) <= 1
      ? both('không được để trống', 'must not be empty')
      : both(
          `phải có ít nhất ${num(ctx.params['limit'])} ký tự`,
          `must be at least ${num(ctx.params['limit'])} characters long`,
        ),
  maxLength: (ctx) =>
    both(
      `không được dài quá ${num(ctx.params['limit'])} ký tự`,
      `must be at most ${num(ctx.params['limit'])} characters long`,
    ),
  pattern: (ctx) =>
    ctx.example
      ? both(`không đúng định dạng, ví dụ: ${ctx.example}`, `is not in the expected format, e.g. ${ctx.example}`)
      : both('không đúng định dạng', 'is not in the expected format'),
  format: (ctx) => {
    const format = String(ctx.params['format']);
    return formatMessages[format] ?? both(`không đúng định dạng “${format}”`, `must be in the format "${format}"`);
  },
  enum: (ctx) => {
    const allowed = ctx.params['allowedValues'];
    const values = ctx.values(Array.isArray(allowed) ? allowed : [], or);
    return { vi: `phải là ${values.vi}`, en: `must be ${values.en}` };
  },
  const: (ctx) => {
    const allowed = ctx.params['allowedValue'];
    if (allowed === true) return both('phải được xác nhận', 'must be confirmed');
    const value = ctx.values([allowed], or);
    return { vi: `phải là ${value.vi}`, en: `must be ${value.en}` };
  },
  additionalProperties: notAllowed,
  unevaluatedProperties: notAllowed,
  'false schema': notAllowed,
  minItems: (ctx) => {
    const n = count(ctx.params['limit'], 'mục', 'item', 'items');
    return { vi: `phải có ít nhất ${n.vi}`, en: `must have at least ${n.en}` };
  },
  maxItems: (ctx) => {
    const n = count(ctx.params['limit'], 'mục', 'item', 'items');
    return { vi: `không được quá ${n.vi}`, en: `must have at most ${n.en}` };
  },
  items: (ctx) => {
    const n = count(ctx.params['limit'], 'mục', 'item', 'items');
    return { vi: `không được quá ${n.vi}`, en: `must have at most ${n.en}` };
  },
  unevaluatedItems: (ctx) => {
    const n = count(ctx.params['limit'], 'mục', 'item', 'items');
    return { vi: `không được quá ${n.vi}`, en: `must have at most ${n.en}` };
  },
  uniqueItems: (ctx) => {
    const [a, b] = [num(ctx.params['j']) + 1, num(ctx.params['i']) + 1].sort((x, y) => x - y);
    return both(
      `không được có mục trùng nhau (dòng ${a} và dòng ${b})`,
      `must not repeat an item (rows ${a} and ${b} are the same)`,
    );
  },
  contains: (ctx) => {
    const n = count(ctx.params['minContains'] ?? 1, 'mục', 'item', 'items');
    return { vi: `phải có ít nhất ${n.vi} hợp lệ`, en: `must have at least ${n.en} that match` };
  },
  minProperties: (ctx) => {
    const n = count(ctx.params['limit'], 'mục', 'entry', 'entries');
    return { vi: `phải có ít nhất ${n.vi}`, en: `must have at least ${n.en}` };
  },
  maxProperties: (ctx) => {
    const n = count(ctx.params['limit'], 'mục', 'entry', 'entries');
    return { vi: `không được quá ${n.vi}`, en: `must have at most ${n.en}` };
  },
  propertyNames: (ctx) =>
    both(
      `có tên mục không hợp lệ “${String(ctx.params['propertyName'])}”`,
      `has an invalid entry name "${String(ctx.params['propertyName'])}"`,
    ),
  anyOf: () => both('không khớp với lựa chọn hợp lệ nào', 'does not match any of the allowed options'),
  oneOf: (ctx) =>
    Array.isArray(ctx.params['passingSchemas'])
      ? both('khớp với nhiều hơn một lựa chọn', 'matches more than one of the options')
      : both('không khớp với lựa chọn hợp lệ nào', 'does not match any of the allowed options'),
  not: () => both('có giá trị không được phép', 'has a value that is not allowed'),
  // Not ajv's: see unsafeTextErrors. A line break or tab in a one-line field is a control character too.
  characters: (ctx) => {
    const character = String(ctx.params['character']);
    return /^U\+D[89A-F]/.test(character)
      ? both(
          `chứa ký tự không hợp lệ (nửa cặp UTF-16 lẻ ${character})`,
          `contains an invalid character (an unpaired UTF-16 surrogate, ${character})`,
        )
      : both(
          `chứa ký tự điều khiển không được phép (${character})`,
          `contains a control character that is not allowed (${character})`,
        );
  },
};

/** Keywords whose message says itself when the rule applies, or that a condition would not explain. */
const noConditionSuffix = new Set(['additionalProperties', 'unevaluatedProperties', 'false schema']);

/**
 * The Vietnamese and English text of one error, to follow the field's label (`Số CCCD: phải gồm đúng 12 chữ số`).
 * Covers every keyword of the 2020-12 vocabularies ajv reports; an unknown one (a keyword added to the set-up later)
 * reads "không hợp lệ" / ajv's English message rather than failing. A rule that comes from a `then` says when it
 * applies: `không được vượt quá 60.000.000 đ khi Hình thức hỗ trợ là “Sửa chữa nhà ở”`.
 */
export function errorMessage(ctx: MessageContext): LocalizedText {
  const template = templates[ctx.keyword];
  const text = template ? template(ctx) : both('không hợp lệ', ctx.ajvMessage ?? 'is invalid');
  if (!ctx.condition || noConditionSuffix.has(ctx.keyword)) return text;
  return { vi: `${text.vi} khi ${ctx.condition.vi}`, en: `${text.en} when ${ctx.condition.en}` };
}
