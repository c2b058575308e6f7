import { unitValidityOf } from '../../../scripts/lib/unit-validity-of';

describe('unitValidityOf', () => {
  it('enforces validity by default except in demo mode', () => {
    expect(unitValidityOf('production', {})).toBe(true);
    expect(unitValidityOf('demo', {})).toBe(false);
    expect(unitValidityOf('demo', { HOSO_UNIT_VALIDITY: '' })).toBe(false);
  });

  it('follows HOSO_UNIT_VALIDITY in any mode', () => {
    expect(unitValidityOf('demo', { HOSO_UNIT_VALIDITY: 'enforce' })).toBe(true);
    expect(unitValidityOf('production', { HOSO_UNIT_VALIDITY: 'off' })).toBe(false);
  });

  it('refuses any other value at start-up', () => {
    expect(() => unitValidityOf('production', { HOSO_UNIT_VALIDITY: 'no' })).toThrow(/enforce or off, not no/);
  });
});
