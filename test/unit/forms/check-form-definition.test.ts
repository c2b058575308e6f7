import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFormDefinition, type FormDefinitionProblem } from '../../../forms';

const proposal = JSON.parse(
  readFileSync(join(__dirname, '../../../forms/definitions/housing-proposal@1.json'), 'utf8'),
);

interface BrokenCase {
  change: (d: any) => void;
  expected: Partial<FormDefinitionProblem> & { message: unknown };
}

const broken: Record<string, BrokenCase> = {
  'a schema with an invalid type': {
    change: (d) => {
      d.schema.properties.household.properties.headName.type = 'text';
    },
    expected: {
      code: 'schema-compile',
      path: '/schema',
      message: expect.stringMatching(
        /^the schema does not compile: schema is invalid: .*type must be equal to one of the allowed values/,
      ),
    },
  },
  'a schema using an unknown format': {
    change: (d) => {
      d.schema.properties.household.properties.citizenId.format = 'cmnd';
    },
    expected: {
      code: 'schema-compile',
      path: '/schema',
      message:
        'the schema does not compile: unknown format "cmnd" ignored in schema at path "#/properties/household/properties/citizenId"',
    },
  },
  'a schema using an unknown keyword': {
    change: (d) => {
      d.schema.properties.support.properties.requestedAmount.currency = 'VND';
    },
    expected: {
      code: 'schema-compile',
      message: 'the schema does not compile: strict mode: unknown keyword: "currency"',
    },
  },
  'a schema requiring an undeclared property': {
    change: (d) => {
      d.schema.properties.commune.required.push('meetingDate');
    },
    expected: {
      code: 'schema-compile',
      message: expect.stringContaining('required property "meetingDate" is not defined'),
    },
  },
  'an audience marker with an unknown value': {
    change: (d) => {
      d.schema.properties.commune['x-audience'] = 'commune';
    },
    expected: {
      code: 'audience',
      path: '/schema/properties/commune/x-audience',
      message: 'unknown x-audience "commune"; expected one of everyone, officer',
    },
  },
  'an audience marker inside a list': {
    change: (d) => {
      d.schema.properties.support.properties.fundingSources.items.properties.amount['x-audience'] = 'officer';
    },
    expected: {
      code: 'audience',
      path: '/schema/properties/support/properties/fundingSources/items/properties/amount/x-audience',
      message: 'x-audience may mark only a property of an object, outside lists and conditions',
    },
  },
  'an audience marker inside a condition': {
    change: (d) => {
      d.schema.properties.support.allOf[1].then.properties.repairItems['x-audience'] = 'officer';
    },
    expected: {
      code: 'audience',
      path: '/schema/properties/support/allOf/1/then/properties/repairItems/x-audience',
      message: 'x-audience may mark only a property of an object, outside lists and conditions',
    },
  },
  'a citizen description below the root': {
    change: (d) => {
      d.schema.properties.household['x-citizen-description'] = { vi: 'Gia đình điền', en: 'Your family fills in' };
    },
    expected: {
      code: 'citizen-description',
      path: '/schema/properties/household/x-citizen-description',
      message: "x-citizen-description may stand only at the schema's root",
    },
  },
  'a citizen description without its English text': {
    change: (d) => {
      d.schema['x-citizen-description'] = { vi: 'Gia đình điền các thông tin dưới đây.', en: ' ' };
    },
    expected: {
      code: 'citizen-description',
      path: '/schema/x-citizen-description',
      message: 'x-citizen-description must be { "vi": …, "en": … } with two non-empty texts',
    },
  },
  'a uiSchema naming a missing field': {
    change: (d) => {
      d.uiSchema.household.ethnicity = { 'ui:widget': 'select' };
    },
    expected: {
      code: 'unknown-field',
      path: '/uiSchema/household/ethnicity',
      message: 'uiSchema names "ethnicity", which is not a field of "/household"',
    },
  },
  'a uiSchema naming a missing field inside array items': {
    change: (d) => {
      d.uiSchema.support.fundingSources.items.currency = {};
    },
    expected: {
      code: 'unknown-field',
      path: '/uiSchema/support/fundingSources/items/currency',
      message: 'uiSchema names "currency", which is not a field of "/support/fundingSources/*"',
    },
  },
  'an English label for a missing field': {
    change: (d) => {
      d.labels.en['/household/income'] = 'Income';
    },
    expected: {
      code: 'unknown-field',
      path: '/labels/en/~1household~1income',
      message: 'labels.en names "/household/income", which is not a field of the form',
    },
  },
  'a field without an English label': {
    change: (d) => {
      delete d.labels.en['/commune/note'];
    },
    expected: { code: 'missing-label', path: '/labels/en', message: 'field "/commune/note" has no English label' },
  },
  'a field without a Vietnamese title': {
    change: (d) => {
      delete d.schema.properties.commune.properties.note.title;
    },
    expected: {
      code: 'missing-title',
      path: '/schema/properties/commune/properties/note',
      message: 'field "/commune/note" has no title (its Vietnamese label)',
    },
  },
  'a ui:order naming a missing field': {
    change: (d) => {
      d.uiSchema.commune['ui:order'].push('signature');
    },
    expected: {
      code: 'unknown-field',
      path: '/uiSchema/commune/ui:order/3',
      message: 'ui:order names "signature", which is not a field of "/commune"',
    },
  },
  'a ui:order leaving a field out': {
    change: (d) => {
      d.uiSchema.commune['ui:order'] = ['villageMeetingDate', 'agreementPercent'];
    },
    expected: {
      code: 'ui-order',
      path: '/uiSchema/commune/ui:order',
      message: 'ui:order of "/commune" leaves out "note" and has no "*" to place them',
    },
  },
  'option names that do not match the enum': {
    change: (d) => {
      d.enumNames.en['/support/type'] = ['New build'];
    },
    expected: {
      code: 'enum-names',
      path: '/enumNames/en/~1support~1type',
      message: 'field "/support/type" has 2 enum values but 1 English names',
    },
  },
  'an unknown unit': {
    change: (d) => {
      d.uiSchema.support.requestedAmount['ui:options'].unit = 'USD';
    },
    expected: {
      code: 'unit',
      path: '/uiSchema/support/requestedAmount/ui:options/unit',
      message: 'unknown unit "USD"; expected one of VND, m2, percent',
    },
  },
  'an amount without a ceiling': {
    change: (d) => {
      delete d.schema.properties.support.properties.requestedAmount.maximum;
    },
    expected: {
      code: 'number-bounds',
      path: '/schema/properties/support/properties/requestedAmount',
      message: 'number field "/support/requestedAmount" has no maximum',
    },
  },
  'an amount of list items without a floor': {
    change: (d) => {
      delete d.schema.properties.support.properties.fundingSources.items.properties.amount.exclusiveMinimum;
    },
    expected: {
      code: 'number-bounds',
      path: '/schema/properties/support/properties/fundingSources/items/properties/amount',
      message: 'number field "/support/fundingSources/*/amount" has no minimum',
    },
  },
  'a schema $id that does not match the key and version': {
    change: (d) => {
      d.version = 2;
    },
    expected: {
      code: 'schema-id',
      path: '/schema/$id',
      message:
        'expected "urn:hoso:form:housing-proposal@2" (the form\'s key and version), found "urn:hoso:form:housing-proposal@1"',
    },
  },
  'a definition without labels': {
    change: (d) => {
      delete d.labels;
    },
    expected: { code: 'shape', path: '/labels', message: 'is required' },
  },
  'a definition with a malformed key': {
    change: (d) => {
      d.key = 'Housing_Proposal';
    },
    expected: { code: 'shape', path: '/key', message: 'is not in the expected format' },
  },
};

describe('checkFormDefinition', () => {
  it('accepts a sound definition and returns it', () => {
    expect(checkFormDefinition(proposal)).toEqual({ ok: true, definition: proposal });
  });

  it('accepts a citizen description at the root, in Vietnamese and English', () => {
    const candidate = structuredClone(proposal);
    candidate.schema['x-citizen-description'] = { vi: 'Gia đình điền các thông tin dưới đây.', en: 'Fill in below.' };
    expect(checkFormDefinition(candidate)).toEqual({ ok: true, definition: candidate });
  });

  describe.each(Object.entries(broken))('refuses %s', (_name, { change, expected }) => {
    it('with exactly one clear problem', () => {
      const candidate = structuredClone(proposal);
      change(candidate);
      expect(checkFormDefinition(candidate)).toEqual({ ok: false, problems: [expect.objectContaining(expected)] });
    });
  });

  it('reports every problem at once', () => {
    const candidate = structuredClone(proposal);
    candidate.uiSchema.household.ethnicity = {};
    candidate.labels.en['/household/income'] = 'Income';
    candidate.schema.properties.household.properties.citizenId.format = 'cmnd';
    const result = checkFormDefinition(candidate);
    expect(result.ok || result.problems.map((p) => p.code).sort()).toEqual([
      'schema-compile',
      'unknown-field',
      'unknown-field',
    ]);
  });

  it('refuses something that is not a definition at all without throwing', () => {
    expect(checkFormDefinition('housing-proposal@1')).toEqual({
      ok: false,
      problems: [{ code: 'shape', path: '', message: 'must be an object' }],
    });
  });
});
