import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  citizenErrors,
  citizenFormOf,
  createFormValidator,
  officerFields,
  withoutErrorsIn,
  type FormDefinition,
} from '../../../forms';

const read = (path: string): any => JSON.parse(readFileSync(join(__dirname, '../../../forms', path), 'utf8'));
const proposal3 = read('definitions/housing-proposal@3.json') as FormDefinition;
const proposal2 = read('definitions/housing-proposal@2.json') as FormDefinition;
const citizenData = (): Record<string, unknown> => {
  const data = read('examples/housing-proposal@3.json');
  delete data.commune;
  return data;
};

describe('who fills which field of a form', () => {
  it('names the commune review of housing-proposal@3 as the only officer field', () => {
    expect(officerFields(proposal3)).toEqual(['/commune']);
  });

  it('leaves a form without markers to the citizen in full', () => {
    expect(officerFields(proposal2)).toEqual([]);
    expect(citizenFormOf(proposal2)).toBe(proposal2);
  });

  it('shows a citizen the form without the officer fields, their labels and ordering', () => {
    const citizen = citizenFormOf(proposal3);
    const schema = citizen.schema as any;
    expect(Object.keys(schema.properties)).toEqual(['household', 'housing', 'support']);
    expect(schema.required).toEqual(['household', 'housing', 'support']);
    expect(citizen.uiSchema['ui:order']).toEqual(['household', 'housing', 'support']);
    expect(citizen.uiSchema['commune']).toBeUndefined();
    expect(Object.keys(citizen.labels.en).filter((p) => p.startsWith('/commune'))).toEqual([]);
    expect(citizen.amountRules).toEqual(proposal3.amountRules);
    // The published definition itself is untouched.
    expect(Object.keys((proposal3.schema as any).properties)).toContain('commune');
  });

  it('refuses an officer field a citizen sends, in Vietnamese and English', () => {
    const data = { ...citizenData(), commune: { villageMeetingDate: '2025-09-01', agreementPercent: 80 } };
    expect(citizenErrors(proposal3, data)).toEqual([
      {
        path: '/commune',
        keyword: 'audience',
        message: { vi: 'Trường này do UBND xã nhập', en: "This field is filled in by the commune People's Committee" },
      },
    ]);
    expect(citizenErrors(proposal3, citizenData())).toEqual([]);
  });

  it('accepts a citizen submission without the officer fields, which the full form still requires', () => {
    const result = createFormValidator().validate(proposal3, citizenData());
    expect(result.valid).toBe(false);
    expect(result.valid ? [] : result.errors.map((e) => e.path)).toEqual(['/commune']);
    expect(withoutErrorsIn(result, officerFields(proposal3))).toEqual({ valid: true });
  });

  it('keeps the errors of the fields a citizen fills', () => {
    const data = citizenData();
    (data.household as Record<string, unknown>).citizenId = '123';
    const result = withoutErrorsIn(createFormValidator().validate(proposal3, data), officerFields(proposal3));
    expect(result.valid ? [] : result.errors.map((e) => e.path)).toEqual(['/household/citizenId']);
  });
});
