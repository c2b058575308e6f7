import { hosoModeOf } from '../../../scripts/lib/runtime-config';

describe('hosoModeOf', () => {
  it.each([
    [undefined, 'production'],
    ['', 'production'],
    ['production', 'production'],
    ['demo', 'demo'],
  ])('reads HOSO_MODE=%j as %s', (value, mode) => {
    expect(hosoModeOf(value === undefined ? {} : { HOSO_MODE: value })).toBe(mode);
  });

  it.each(['Demo', 'dev', 'prod'])('refuses HOSO_MODE=%s', (value) => {
    expect(() => hosoModeOf({ HOSO_MODE: value })).toThrow(`HOSO_MODE must be demo or production, got '${value}'`);
  });
});
