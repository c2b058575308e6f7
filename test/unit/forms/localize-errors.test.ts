import type { ErrorObject } from 'ajv/dist/2020';
import { createFormValidator, formatQuantity, localizeErrors, type FormDefinition } from '../../../forms';

/** A small form that reaches the keywords the housing forms do not use. */
const sampler: FormDefinition = {
  key: 'keyword-sampler',
  version: 1,
  title: { vi: 'Biểu mẫu thử', en: 'Sampler form' },
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'urn:hoso:form:keyword-sampler@1',
    type: 'object',
    additionalProperties: false,
    properties: {
      count: { title: 'Số lượng', type: 'integer', multipleOf: 5, exclusiveMaximum: 100 },
      code: { title: 'Mã', type: 'string', minLength: 3, maxLength: 5, pattern: '^[A-Z]+$' },
      tags: { title: 'Nhãn', type: 'array', minItems: 2, maxItems: 3, uniqueItems: true, items: { type: 'string' } },
      contact: {
        title: 'Liên hệ',
        anyOf: [
          { type: 'string', format: 'email' },
          { type: 'string', format: 'vn-phone' },
        ],
      },
      share: { title: 'Tỷ lệ', oneOf: [{ type: 'integer' }, { type: 'number', minimum: 0 }] },
      area: { title: 'Diện tích', type: 'number', minimum: 0.5 },
      flag: { title: 'Đánh dấu', type: 'boolean' },
    },
  },
  uiSchema: { area: { 'ui:options': { unit: 'm2' } } },
  labels: {
    en: {
      '/count': 'Count',
      '/code': 'Code',
      '/tags': 'Tags',
      '/contact': 'Contact',
      '/share': 'Share',
      '/area': 'Area',
      '/flag': 'Flag',
    },
  },
};

const validator = createFormValidator();
const messagesFor = (data: unknown) => {
  const result = validator.validate(sampler, data);
  return result.valid ? [] : result.errors.map((e) => [e.path, e.keyword, e.message.vi, e.message.en]);
};

describe('localized field errors', () => {
  it.each([
    [{ count: 7 }, ['/count', 'multipleOf', 'Số lượng: phải là bội số của 5', 'Count: must be a multiple of 5']],
    [{ count: 100 }, ['/count', 'exclusiveMaximum', 'Số lượng: phải nhỏ hơn 100', 'Count: must be less than 100']],
    [{ count: '10' }, ['/count', 'type', 'Số lượng: phải là số nguyên', 'Count: must be a whole number']],
    [
      { code: 'ABCDEF' },
      ['/code', 'maxLength', 'Mã: không được dài quá 5 ký tự', 'Code: must be at most 5 characters long'],
    ],
    [{ code: 'ABC1' }, ['/code', 'pattern', 'Mã: không đúng định dạng', 'Code: is not in the expected format']],
    [{ tags: ['a'] }, ['/tags', 'minItems', 'Nhãn: phải có ít nhất 2 mục', 'Tags: must have at least 2 items']],
    [
      { tags: ['a', 'b', 'c', 'd'] },
      ['/tags', 'maxItems', 'Nhãn: không được quá 3 mục', 'Tags: must have at most 3 items'],
    ],
    [
      { tags: ['a', 'b', 'a'] },
      [
        '/tags',
        'uniqueItems',
        'Nhãn: không được có mục trùng nhau (dòng 1 và dòng 3)',
        'Tags: must not repeat an item (rows 1 and 3 are the same)',
      ],
    ],
    [{ tags: ['a', 3] }, ['/tags/1', 'type', 'Nhãn (dòng 2): phải là chuỗi ký tự', 'Tags (row 2): must be text']],
    [
      { contact: 'không rõ' },
      [
        '/contact',
        'anyOf',
        'Liên hệ: không khớp với lựa chọn hợp lệ nào',
        'Contact: does not match any of the allowed options',
      ],
    ],
    [
      { share: 5 },
      ['/share', 'oneOf', 'Tỷ lệ: khớp với nhiều hơn một lựa chọn', 'Share: matches more than one of the options'],
    ],
    [{ area: 0.25 }, ['/area', 'minimum', 'Diện tích: phải từ 0,5 m² trở lên', 'Area: must be at least 0.5 m²']],
    [{ flag: 'yes' }, ['/flag', 'type', 'Đánh dấu: phải là giá trị đúng/sai', 'Flag: must be true or false']],
  ])('for %j: %j', (data, expected) => {
    expect(messagesFor(data)).toEqual([expected]);
  });

  it('never show the wrapper errors of if/then nor the contradicting branch errors of anyOf', () => {
    const result = validator.validate(sampler, { contact: 42 });
    expect(result.valid || result.errors.map((e) => e.keyword)).toEqual(['anyOf']);
  });

  it('point a missing or unexpected property at the property itself', () => {
    const result = createFormValidator().validate(
      { ...sampler, schema: { ...sampler.schema, required: ['count'] } },
      { colour: 'đỏ' },
    );
    expect(result.valid || result.errors.map((e) => [e.path, e.keyword])).toEqual([
      ['/colour', 'additionalProperties'],
      ['/count', 'required'],
    ]);
  });

  it('escape property names in paths as JSON pointers', () => {
    const result = validator.validate(sampler, { 'a/b~c': 1 });
    expect(result.valid || result.errors[0]).toMatchObject({ path: '/a~1b~0c', keyword: 'additionalProperties' });
  });

  it('fall back to a generic text for a keyword without a template, keeping ajv’s English', () => {
    const error: ErrorObject = {
      keyword: 'x-fancy',
      instancePath: '/count',
      schemaPath: '#/properties/count/x-fancy',
      params: {},
      message: 'must be fancy',
    };
    expect(localizeErrors(sampler, [error])).toEqual([
      { path: '/count', keyword: 'x-fancy', message: { vi: 'Số lượng: không hợp lệ', en: 'Count: must be fancy' } },
    ]);
  });
});

describe('formatQuantity', () => {
  it.each([
    [100000000, 'VND', '100.000.000 đ', '100,000,000 VND'],
    [1560000000, 'VND', '1.560.000.000 đ', '1,560,000,000 VND'],
    [24.5, 'm2', '24,5 m²', '24.5 m²'],
    [50, 'percent', '50%', '50%'],
    [-1234.75, undefined, '-1.234,75', '-1,234.75'],
    [999, undefined, '999', '999'],
  ] as const)('writes %j %s as %j and %j', (value, unit, vi, en) => {
    expect(formatQuantity(value, unit)).toEqual({ vi, en });
  });
});

describe('remembered messages', () => {
  it('name the rows of each submission, not of the first one with the same rule broken', () => {
    const first = validator.validate(sampler, { tags: ['a', 'a', 'b'] });
    const second = validator.validate(sampler, { tags: ['x', 'y', 'y'] });
    const message = (r: typeof first) => (r.valid ? undefined : r.errors.find((e) => e.keyword === 'uniqueItems'));
    expect(message(first)).toBeDefined();
    expect(message(second)).toBeDefined();
    expect(message(second)!.params).not.toEqual(message(first)!.params);
    expect(message(second)!.message.en).not.toBe(message(first)!.message.en);
  });
});
