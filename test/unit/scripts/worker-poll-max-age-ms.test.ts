import { workerPollMaxAgeMs } from '../../../scripts/lib/worker-poll-max-age-ms';

describe('HOSO_WORKER_POLL_MAX_AGE_SECONDS', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['12', 12_000],
    [' 600 ', 600_000],
  ])('%p gives %p ms', (raw, expected) => {
    expect(workerPollMaxAgeMs({ HOSO_WORKER_POLL_MAX_AGE_SECONDS: raw })).toBe(expected);
  });

  it.each(['0', '601', '1.5', '-3', 'ten'])('refuses %p, naming the variable', (raw) => {
    expect(() => workerPollMaxAgeMs({ HOSO_WORKER_POLL_MAX_AGE_SECONDS: raw })).toThrow(
      /^HOSO_WORKER_POLL_MAX_AGE_SECONDS must be a whole number from 1 to 600/,
    );
  });
});
