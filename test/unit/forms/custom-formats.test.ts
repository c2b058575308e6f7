import { createAjv, customFormats } from '../../../forms';

const cases: Array<[format: keyof typeof customFormats, valid: string[], invalid: string[]]> = [
  [
    'cccd',
    ['001085012345', '079199000001'],
    ['00108501234', '0010850123456', '00108501234a', ' 001085012345', '００１０８５０１２３４５'],
  ],
  [
    'vn-phone',
    [
      '0912345678',
      '+84912345678',
      '0388123456',
      '0563123456',
      '0789123456',
      '0868123456',
      '02438253456',
      '+842438253456',
    ],
    [
      '912345678',
      '0912 345 678',
      '0912.345.678',
      '0112345678',
      '091234567',
      '09123456789',
      '+840912345678',
      '19001234',
      '0243825345',
    ],
  ],
  [
    'unit-code',
    ['HN', 'HN-HD', 'HN-HD-HC', 'HN-HD-HC-TDP5', '01-001'],
    ['hn', 'HN-', '-HN', 'HN--HD', 'HN-HD-HC-TDP5-X', 'HN HD', 'HN-Hà'],
  ],
];

describe.each(cases)('the %s format', (format, valid, invalid) => {
  const validate = createAjv().compile({ type: 'string', format });

  it.each(valid)('accepts %j', (value) => {
    expect(validate(value)).toBe(true);
  });

  it.each(invalid)('refuses %j', (value) => {
    expect(validate(value)).toBe(false);
  });
});

describe('the shared ajv set-up', () => {
  it.each([
    ['date', '2025-02-28', '2025-02-29'],
    ['date-time', '2025-07-01T08:30:00+07:00', '2025-07-01 08:30'],
    ['email', 'can.bo@hadong.hanoi.gov.vn', 'can.bo@'],
    ['uri', 'https://dichvucong.gov.vn/p/home', 'not a uri'],
  ])('knows the standard format %s (accepts %j, refuses %j)', (format, good, bad) => {
    const validate = createAjv().compile({ type: 'string', format });
    expect([validate(good), validate(bad)]).toEqual([true, false]);
  });

  it('refuses formats it does not know, unknown keywords and ignored keywords at compile time', () => {
    const ajv = createAjv();
    expect(() => ajv.compile({ type: 'string', format: 'ipv4' })).toThrow('unknown format "ipv4"');
    expect(() => ajv.compile({ type: 'string', 'ui:widget': 'textarea' })).toThrow('unknown keyword: "ui:widget"');
    expect(() => ajv.compile({ type: 'object', properties: { a: { maximum: 3 } } })).toThrow('strictTypes');
  });

  it('reports every error, not just the first', () => {
    const validate = createAjv().compile({
      type: 'object',
      properties: { a: { type: 'integer' }, b: { type: 'integer' } },
      required: ['a', 'b'],
    });
    validate({ a: 'x' });
    expect(validate.errors?.map((e) => e.keyword).sort()).toEqual(['required', 'type']);
  });
});
