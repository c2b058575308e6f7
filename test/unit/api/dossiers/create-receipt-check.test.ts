import { createReceiptCheck } from '../../../../api/dossiers/create-receipt-check';
import type { UnitValidity } from '../../../../api/units/create-unit-validity';
import { ValidationError } from '../../../../api/errors';

/** Every unit in force: only the receipt's own rules apply. */
const inForce = {
  firstRetired: () => undefined,
  describe: () => ({ vi: '', en: '' }),
} as unknown as UnitValidity;
const check = createReceiptCheck(inForce);
const NOW = new Date('2026-12-04T03:00:00.000Z');
const definition = { effectiveFrom: '2025-07-01' };

describe('the paper receipt check', () => {
  it('answers the receipt in UTC, and a receipt a little ahead of the clock (device skew) as now', () => {
    expect(check('2026-12-03T08:30:00+07:00', NOW, definition, [])).toBe('2026-12-03T01:30:00.000Z');
    expect(check('2026-12-04T10:03:00+07:00', NOW, definition, [])).toBe(NOW.toISOString());
  });

  it('refuses a receipt further ahead, at /receivedAt', () => {
    let thrown: unknown;
    try {
      check('2026-12-04T10:10:00+07:00', NOW, definition, []);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).fields.map((f) => f.path)).toEqual(['/receivedAt']);
  });
});
