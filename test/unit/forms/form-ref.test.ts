import { formRef, FormRefError, parseFormRef } from '../../../forms';

describe('form references', () => {
  it('are written key@version', () => {
    expect(formRef('housing-proposal', 1)).toBe('housing-proposal@1');
    expect(formRef('housing-disbursement', 12)).toBe('housing-disbursement@12');
  });

  it('parse back into key and version', () => {
    expect(parseFormRef('housing-proposal@1')).toEqual({ key: 'housing-proposal', version: 1 });
    expect(parseFormRef(formRef('housing-review', 3))).toEqual({ key: 'housing-review', version: 3 });
  });

  it.each([
    'housing-proposal',
    'housing-proposal@',
    '@1',
    'housing-proposal@0',
    'housing-proposal@01',
    'housing-proposal@1.5',
    'Housing@1',
    'housing proposal@1',
    'housing-proposal@1@2',
    '',
  ])('refuse the malformed %j with a message that shows the expected shape', (ref) => {
    expect(() => parseFormRef(ref)).toThrow(FormRefError);
    expect(() => parseFormRef(ref)).toThrow(
      `Malformed form reference ${JSON.stringify(ref)}: expected "<key>@<version>", e.g. "housing-proposal@1"`,
    );
  });

  it.each<[string, number]>([
    ['Housing', 1],
    ['housing_proposal', 1],
    ['housing-proposal', 0],
    ['housing-proposal', 1.5],
    ['housing-proposal', Number.NaN],
  ])('cannot be made from the key %j and version %j', (key, version) => {
    expect(() => formRef(key, version)).toThrow(FormRefError);
  });
});
