import { offeredDates } from '../../../../domain/process/offered-dates';

describe('offeredDates', () => {
  it.each([
    ['no plan keeps the own dates', { effectiveFrom: '2025-07-01' }, undefined, { effectiveFrom: '2025-07-01' }],
    ['an end day is added', {}, { effectiveTo: '2025-06-30' }, { effectiveTo: '2025-06-30' }],
    [
      'an earlier end day narrows',
      { effectiveTo: '2025-12-31' },
      { effectiveTo: '2025-06-30' },
      { effectiveTo: '2025-06-30' },
    ],
    [
      'a later end day never extends',
      { effectiveTo: '2025-06-30' },
      { effectiveTo: '2025-12-31' },
      { effectiveTo: '2025-06-30' },
    ],
    [
      'a later first day narrows',
      { effectiveFrom: '2025-07-01' },
      { effectiveFrom: '2025-08-01' },
      { effectiveFrom: '2025-08-01' },
    ],
    [
      'an earlier first day never extends',
      { effectiveFrom: '2025-07-01' },
      { effectiveFrom: '2025-01-01' },
      { effectiveFrom: '2025-07-01' },
    ],
  ])('%s', (_name, own, narrowed, expected) => {
    expect(offeredDates(own, narrowed)).toEqual(expected);
  });
});
