import { unitValidityOf } from '../../../scripts/lib/unit-validity-of';

describe('unitValidityOf', () => {
  it('enforces validity by default, the demo too', () => {
    expect(unitValidityOf({})).toBe(true);
    expect(unitValidityOf({ HOSO_MODE: 'demo' })).toBe(true);
    expect(unitValidityOf({ HOSO_MODE: 'demo', HOSO_UNIT_VALIDITY: '' })).toBe(true);
  });

  it('follows HOSO_UNIT_VALIDITY in any mode', () => {
    expect(unitValidityOf({ HOSO_UNIT_VALIDITY: 'enforce' })).toBe(true);
    expect(unitValidityOf({ HOSO_MODE: 'demo', HOSO_UNIT_VALIDITY: 'off' })).toBe(false);
  });

  it('refuses any other value at start-up', () => {
    expect(() => unitValidityOf({ HOSO_UNIT_VALIDITY: 'no' })).toThrow(/enforce or off, not no/);
  });
});
