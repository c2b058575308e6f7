import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectUnitCodes, type FormDefinition } from '../../../../forms';
import { createUnitCodeCheck } from '../../../../api/validation/create-unit-code-check';
import type { Models } from '../../../../storage/create-models';
import type { UnitDoc } from '../../../../storage/unit-schema';

const readJson = (path: string): any => JSON.parse(readFileSync(join(__dirname, '../../../../forms', path), 'utf8'));
const sponsorship: FormDefinition = readJson('definitions/sponsorship-commitment@1.json');
const proposal: FormDefinition = readJson('definitions/housing-proposal@1.json');

const unit = (code: string, effectiveFrom: string, effectiveTo: string | null, successorCode: string | null = null) =>
  ({ _id: code, effectiveFrom, effectiveTo, successorCode }) as UnitDoc;
const REGISTRY = [
  unit('HN-HD-HC', '2008-08-01', '2025-06-30', 'HN-HADONG'),
  unit('HN-HD-YN', '2008-08-01', '2025-06-30', 'HN-YENNGHIA'),
  unit('HN-HADONG', '2025-07-01', null),
  unit('HN-OLD', '2000-01-01', '2010-12-31', 'HN-HADONG'),
  unit('HN-FUTURE', '2030-01-01', null),
];

/** A fake of the one query the check makes, counting the calls. */
function fakeModels() {
  const queries: unknown[] = [];
  const models = {
    Unit: {
      find: (filter: { _id: { $in: string[] } }) => {
        queries.push(filter);
        return { lean: async () => REGISTRY.filter((u) => filter._id.$in.includes(u._id)) };
      },
    },
  } as unknown as Models;
  return { models, queries };
}

const today = '2026-12-05';

describe('collectUnitCodes', () => {
  it('finds every unit-code field, conditional sections included, and skips malformed codes', () => {
    const data = readJson('examples/sponsorship-commitment@1.json');
    expect(collectUnitCodes(sponsorship, data)).toEqual([
      { path: '/sponsor/unitCode', code: 'HN-HD-YN' },
      { path: '/beneficiary/unitCode', code: 'HN-HD-YN' },
    ]);
    data.sponsor.unitCode = 'not a code';
    expect(collectUnitCodes(sponsorship, data)).toEqual([{ path: '/beneficiary/unitCode', code: 'HN-HD-YN' }]);
  });
});

describe('createUnitCodeCheck', () => {
  const withUnit = (code: string) => {
    const data = readJson('examples/housing-proposal@1.json');
    data.household.address.unitCode = code;
    return data;
  };

  it('refuses a unit that exists nowhere, at its field, in both languages, with one query', async () => {
    const { models, queries } = fakeModels();
    const problems = await createUnitCodeCheck({ models })(proposal, withUnit('ZZ-QQ-01'), {
      today,
      receivingUnit: 'HN-HADONG',
    });
    expect(problems).toEqual([
      {
        path: '/household/address/unitCode',
        keyword: 'unitCode',
        message: {
          vi: expect.stringMatching(/: không có đơn vị hành chính mã ZZ-QQ-01$/),
          en: expect.stringMatching(/: there is no administrative unit ZZ-QQ-01$/),
        },
      },
    ]);
    expect(queries).toHaveLength(1);
  });

  it.each([
    ['a unit in force today', 'HN-HADONG', 'HN-HADONG', true],
    ['a unit retired before today, for a receiving unit in force', 'HN-HD-HC', 'HN-HADONG', false],
    ['a unit of the era of a retired receiving unit', 'HN-HD-YN', 'HN-HD-HC', true],
    ['a unit in force today, for a retired receiving unit', 'HN-HADONG', 'HN-HD-HC', true],
    ['a unit retired long before the receiving unit', 'HN-OLD', 'HN-HD-HC', false],
    ['a unit not in force yet', 'HN-FUTURE', 'HN-HADONG', false],
  ])('judges %s (%s, received by %s): accepted %s', async (_what, code, receivingUnit, accepted) => {
    const { models } = fakeModels();
    const problems = await createUnitCodeCheck({ models })(proposal, withUnit(code), { today, receivingUnit });
    expect(problems.length === 0).toBe(accepted);
    if (!accepted) expect(problems[0]).toMatchObject({ path: '/household/address/unitCode', keyword: 'unitCode' });
  });

  it('names the successor of a retired unit', async () => {
    const { models } = fakeModels();
    const [problem] = await createUnitCodeCheck({ models })(proposal, withUnit('HN-HD-HC'), {
      today,
      receivingUnit: 'HN-HADONG',
    });
    expect(problem?.message).toEqual({
      vi: expect.stringContaining('không có hiệu lực vào ngày 05/12/2026 (đơn vị kế thừa: HN-HADONG)'),
      en: expect.stringContaining('is not in force on 05/12/2026 (its successor is HN-HADONG)'),
    });
  });

  it('makes no query for a form that names no unit', async () => {
    const { models, queries } = fakeModels();
    const review: FormDefinition = readJson('definitions/housing-review@1.json');
    expect(
      await createUnitCodeCheck({ models })(review, readJson('examples/housing-review@1.json'), {
        today,
        receivingUnit: 'HN',
      }),
    ).toEqual([]);
    expect(queries).toHaveLength(0);
  });
});
