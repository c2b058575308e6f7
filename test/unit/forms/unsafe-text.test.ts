import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFormValidator, type FormDefinition } from '../../../forms';
import { unsafeTextErrors } from '../../../forms/unsafe-text-errors';

const readJson = (path: string): any => JSON.parse(readFileSync(join(__dirname, '../../../forms', path), 'utf8'));
const proposal: FormDefinition = readJson('definitions/housing-proposal@1.json');
const example = () => readJson('examples/housing-proposal@1.json');
const validator = createFormValidator();

describe('text with characters no field may hold', () => {
  describe.each([
    ['a NUL byte', 'Nguyễn\u0000Hoa', 'U+0000', 'ký tự điều khiển', 'control character'],
    ['an escape character', 'Nguyễn\u001b[31mHoa', 'U+001B', 'ký tự điều khiển', 'control character'],
    ['DEL', 'Nguyễn Hoa\u007f', 'U+007F', 'ký tự điều khiển', 'control character'],
    ['a line feed in a one-line field', 'Nguyễn\nHoa', 'U+000A', 'ký tự điều khiển', 'control character'],
    ['a tab in a one-line field', 'Nguyễn\tHoa', 'U+0009', 'ký tự điều khiển', 'control character'],
    ['a lone high surrogate', 'Nguyễn \ud800Hoa', 'U+D800', 'UTF-16', 'surrogate'],
    ['a lone low surrogate', '\udc00Nguyễn Hoa', 'U+DC00', 'UTF-16', 'surrogate'],
    ['a high surrogate at the end', 'Nguyễn Hoa\udbff', 'U+DBFF', 'UTF-16', 'surrogate'],
  ])('%s', (_what, headName, character, vi, en) => {
    it('is refused at that field, with the character named in both languages', () => {
      const data = example();
      data.household.headName = headName;
      const result = validator.validate(proposal, data);
      expect(result).toEqual({
        valid: false,
        errors: [
          {
            path: '/household/headName',
            keyword: 'characters',
            params: { character },
            message: { vi: expect.stringContaining(vi), en: expect.stringContaining(en) },
          },
        ],
      });
      if (!result.valid) {
        expect(result.errors[0]!.message.vi).toMatch(/^Họ và tên chủ hộ: /);
        expect(result.errors[0]!.message.en).toContain(character);
      }
    });
  });

  it('is refused inside arrays, with the row in the path', () => {
    const data = example();
    data.support.fundingSources[1].sponsorName = 'Doanh\u0000nghiệp';
    expect(validator.validate(proposal, data)).toMatchObject({
      valid: false,
      errors: [{ path: '/support/fundingSources/1/sponsorName', keyword: 'characters' }],
    });
  });

  it('allows tab, line feed and carriage return in multi-line text (a textarea) only', () => {
    const data = example();
    data.commune.note = 'Dòng 1\r\nDòng 2\n\tthụt lề';
    expect(validator.validate(proposal, data)).toEqual({ valid: true });
    data.commune.note = 'Dòng 1\u0000';
    expect(validator.validate(proposal, data)).toMatchObject({
      valid: false,
      errors: [{ path: '/commune/note', keyword: 'characters', params: { character: 'U+0000' } }],
    });
  });

  it('accepts Vietnamese, emoji (a surrogate pair) and every other printable character', () => {
    const data = example();
    data.household.headName = 'Nguyễn Thị Hoà 😀 “Hoa” — ½ ₫';
    expect(validator.validate(proposal, data)).toEqual({ valid: true });
    expect(unsafeTextErrors(proposal, data)).toEqual([]);
  });

  it('reports an undeclared property as not allowed, not for its characters', () => {
    const data = example();
    data.household['extra\u0000'] = 'x\u0000';
    expect(validator.validate(proposal, data)).toMatchObject({
      valid: false,
      errors: [{ path: '/household/extra\u0000', keyword: 'additionalProperties' }],
    });
  });
});
