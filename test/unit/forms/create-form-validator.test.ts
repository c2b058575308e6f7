import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAjv, createFormValidator, FormDefinitionError, FormRefError, type FormDefinition } from '../../../forms';

const readJson = (path: string): any => JSON.parse(readFileSync(join(__dirname, '../../../forms', path), 'utf8'));
const proposal: FormDefinition = readJson('definitions/housing-proposal@1.json');
const review: FormDefinition = readJson('definitions/housing-review@1.json');
const newBuild = readJson('examples/housing-proposal@1.json');
const repair = readJson('examples/housing-proposal@1.repair.json');

describe('createFormValidator', () => {
  it('compiles each form version once, however many submissions it validates', () => {
    const ajv = createAjv();
    const compile = jest.spyOn(ajv, 'compile');
    const validator = createFormValidator(ajv);

    for (let i = 0; i < 5; i++) {
      validator.validate(proposal, newBuild);
      validator.validate(proposal, { household: {} });
      validator.validate(structuredClone(proposal), repair); // the same key@version loaded again
      validator.validate(review, readJson('examples/housing-review@1.json'));
    }

    expect(compile).toHaveBeenCalledTimes(2);
    expect(compile.mock.calls.map(([schema]) => (schema as { $id: string }).$id)).toEqual([
      'urn:hoso:form:housing-proposal@1',
      'urn:hoso:form:housing-review@1',
    ]);
  });

  it('compiles a new version of a form separately from the old one', () => {
    const ajv = createAjv();
    const compile = jest.spyOn(ajv, 'compile');
    const validator = createFormValidator(ajv);
    const v2 = structuredClone(proposal);
    v2.version = 2;
    v2.schema.$id = 'urn:hoso:form:housing-proposal@2';

    validator.validate(proposal, newBuild);
    validator.validate(v2, newBuild);
    validator.validate(v2, repair);

    expect(compile).toHaveBeenCalledTimes(2);
  });

  it('returns invalid data as a result, never as an exception', () => {
    expect(() => createFormValidator().validate(proposal, 'not an object')).not.toThrow();
    expect(createFormValidator().validate(proposal, 'not an object')).toEqual({
      valid: false,
      errors: [
        {
          path: '',
          keyword: 'type',
          message: {
            vi: 'Đề xuất hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo: phải là nhóm thông tin',
            en: 'Housing support proposal for a poor or near-poor household: must be an object',
          },
          params: { type: 'object' },
        },
      ],
    });
  });

  it('throws FormDefinitionError for a definition whose schema does not compile, and keeps throwing', () => {
    const broken = structuredClone(proposal);
    broken.key = 'broken-proposal';
    broken.schema.$id = 'urn:hoso:form:broken-proposal@1';
    (broken.schema['properties'] as any).household.properties.headName.format = 'ten-nguoi';
    const validator = createFormValidator();

    for (let i = 0; i < 2; i++) {
      const error = (() => {
        try {
          validator.validate(broken, newBuild);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(FormDefinitionError);
      expect((error as FormDefinitionError).problems).toEqual([
        expect.objectContaining({
          code: 'schema-compile',
          message: expect.stringContaining('unknown format "ten-nguoi"'),
        }),
      ]);
    }
  });

  it('refuses a definition with a malformed key', () => {
    const bad = { ...proposal, key: 'Housing Proposal' };
    expect(() => createFormValidator().validate(bad, newBuild)).toThrow(FormRefError);
  });
});
