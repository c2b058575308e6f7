import { collectCitizenIds } from '../../../forms/collect-citizen-ids';
import type { FormDefinition } from '../../../forms/form-definition';
import housingProposal from '../../../forms/definitions/housing-proposal@2.json';
import educationSupport from '../../../forms/definitions/education-support@1.json';
import healthInsurance from '../../../forms/definitions/health-insurance-card@1.json';
import savingsBook from '../../../forms/definitions/savings-book@1.json';
import tetGiftList from '../../../forms/definitions/tet-gift-list@1.json';

const form = (f: unknown) => f as FormDefinition;

describe('collectCitizenIds', () => {
  it.each([
    [
      'housing-proposal@2',
      form(housingProposal),
      { household: { citizenId: '001085012345' } },
      [['household', '001085012345']],
    ],
    [
      'education-support@1',
      form(educationSupport),
      { child: { citizenId: '001215012345' } },
      [['person', '001215012345']],
    ],
    [
      'health-insurance-card@1',
      form(healthInsurance),
      { person: { citizenId: '001085099999' } },
      [['person', '001085099999']],
    ],
    [
      'savings-book@1',
      form(savingsBook),
      { household: { citizenId: '001085012345' }, beneficiary: { citizenId: '001185012345' } },
      [
        ['household', '001085012345'],
        ['person', '001185012345'],
      ],
    ],
  ])('finds the ids %s declares with format cccd, as household or person', (_ref, definition, data, expected) => {
    expect(collectCitizenIds(definition, data).map((f) => [f.subject, f.value])).toEqual(expected);
  });

  it('finds ids in arrays of persons, skips undeclared and empty values, and drops duplicates', () => {
    const definition = form({
      key: 't',
      version: 1,
      title: { vi: 't', en: 't' },
      schema: {
        type: 'object',
        properties: {
          persons: {
            type: 'array',
            items: { type: 'object', properties: { citizenId: { type: 'string', format: 'cccd' } } },
          },
          note: { type: 'string' },
        },
      },
      uiSchema: {},
    });
    const data = {
      persons: [
        { citizenId: '001085000001' },
        { citizenId: '001085000001' },
        { citizenId: ' ' },
        { citizenId: '001085000002' },
      ],
      note: '001085000003',
      extra: { citizenId: '001085000004' },
    };
    expect(collectCitizenIds(definition, data)).toEqual([
      { subject: 'person', value: '001085000001', paths: ['/persons/0/citizenId', '/persons/1/citizenId'] },
      { subject: 'person', value: '001085000002', paths: ['/persons/3/citizenId'] },
    ]);
  });

  it("takes each line of a list's households as a household, with the line it is on", () => {
    const data = {
      households: [{ citizenId: '001085000011' }, { headName: 'no id' }, { citizenId: '001085000012' }],
    };
    expect(collectCitizenIds(form(tetGiftList), data)).toEqual([
      { subject: 'household', value: '001085000011', paths: ['/households/0/citizenId'] },
      { subject: 'household', value: '001085000012', paths: ['/households/2/citizenId'] },
    ]);
  });
});
