import type { CampaignFiguresResponse } from '../../../api-contract';
import { figuresQuery, prefillFigures } from '../../../web/app/figures/prefill-figures';

const figure = (value: number) => ({
  value,
  source: { kind: 'ledger', count: 1, refs: [], label: { vi: '', en: '' } },
});
const figures = (raised: number) =>
  ({
    fields: {
      raisedAmount: figure(raised),
      spentAmount: figure(90_000_000),
      householdsSupported: figure(2),
      housesBuilt: figure(1),
      housesRepaired: figure(1),
    },
  }) as unknown as Pick<CampaignFiguresResponse, 'fields'>;
const at = new Date('2026-12-06T03:00:00.000Z');

describe('prefillFigures', () => {
  it('fills the fields not entered and shows every computed figure under /computed', () => {
    expect(prefillFigures({ reportNumber: '16/BC' }, figures(0), at)).toEqual({
      reportNumber: '16/BC',
      raisedAmount: 0,
      spentAmount: 90_000_000,
      householdsSupported: 2,
      housesBuilt: 1,
      housesRepaired: 1,
      computed: {
        raisedAmount: 0,
        spentAmount: 90_000_000,
        householdsSupported: 2,
        housesBuilt: 1,
        housesRepaired: 1,
        computedAt: at.toISOString(),
      },
    });
  });

  it("keeps a figure the officer entered, and replaces one left at the last unit's computed figure", () => {
    const first = prefillFigures({ householdsSupported: 3 }, figures(0), at) as Record<string, unknown>;
    expect(first['householdsSupported']).toBe(3);
    const again = prefillFigures(first, figures(7_000_000), at) as Record<string, unknown>;
    expect(again['raisedAmount']).toBe(7_000_000);
    expect(again['householdsSupported']).toBe(3);
    expect(prefillFigures(undefined, figures(5), at)).toMatchObject({ raisedAmount: 5 });
  });

  it('asks the API for the step period at the unit', () => {
    expect(figuresQuery('DN-DQ-PV', { from: '2024-02-03', to: '2024-05-19' })).toBe(
      '/api/reports/campaign-figures?unit=DN-DQ-PV&from=2024-02-03&to=2024-05-19',
    );
  });
});
