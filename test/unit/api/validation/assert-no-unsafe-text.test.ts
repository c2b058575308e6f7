import { assertNoUnsafeText } from '../../../../api/validation/assert-no-unsafe-text';
import { ValidationError } from '../../../../api/errors';

const problemsOf = (body: unknown) => {
  try {
    assertNoUnsafeText(body);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fields;
  }
};

describe('assertNoUnsafeText', () => {
  it('accepts any text without control characters, line breaks and tabs included', () => {
    expect(
      problemsOf({ title: { vi: 'Hỗ trợ nhà ở 😀', en: 'Housing\nsupport\t2025' }, steps: [{ id: 'a' }] }),
    ).toEqual([]);
  });

  it('refuses each bad string and property name at its path, in both languages', () => {
    expect(problemsOf({ title: { vi: 'Hỗ\u0000trợ' }, steps: [{ id: 'a', note: '\ud800' }], ['k\u0001']: 1 })).toEqual([
      {
        path: '/title/vi',
        keyword: 'characters',
        message: {
          vi: '/title/vi: chứa ký tự không được phép (U+0000)',
          en: '/title/vi: contains a character that is not allowed (U+0000)',
        },
      },
      expect.objectContaining({
        path: '/steps/0/note',
        message: expect.objectContaining({ en: expect.stringContaining('U+D800') }),
      }),
      expect.objectContaining({ path: '/k\u0001', keyword: 'characters' }),
    ]);
  });

  it('reports at most 20 fields', () => {
    expect(problemsOf(Array.from({ length: 50 }, () => '\u0000'))).toHaveLength(20);
  });
});
