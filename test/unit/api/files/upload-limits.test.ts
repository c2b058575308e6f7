import { DEFAULT_UPLOAD_LIMITS, uploadLimitsFromEnv } from '../../../../api/files/upload-limits';

describe('uploadLimitsFromEnv', () => {
  it('takes the defaults when nothing is set', () => {
    expect(uploadLimitsFromEnv({})).toEqual(DEFAULT_UPLOAD_LIMITS);
    expect(DEFAULT_UPLOAD_LIMITS).toEqual({
      maxUnattachedFiles: 50,
      maxUnattachedBytes: 100 * 1024 * 1024,
      unattachedMaxAgeMs: 7 * 24 * 3_600_000,
      sweepIntervalMs: 3_600_000,
    });
  });

  it('reads each setting in its unit', () => {
    expect(
      uploadLimitsFromEnv({
        HOSO_UPLOAD_QUOTA_FILES: '10',
        HOSO_UPLOAD_QUOTA_MIB: '20',
        HOSO_UPLOAD_MAX_AGE_HOURS: '48',
        HOSO_UPLOAD_SWEEP_MINUTES: '5',
      }),
    ).toEqual({
      maxUnattachedFiles: 10,
      maxUnattachedBytes: 20 * 1024 * 1024,
      unattachedMaxAgeMs: 48 * 3_600_000,
      sweepIntervalMs: 5 * 60_000,
    });
  });

  it.each(['0', '-1', '1.5', 'ten', '1e400'])('refuses %j rather than turning a limit off', (value) => {
    expect(() => uploadLimitsFromEnv({ HOSO_UPLOAD_QUOTA_FILES: value })).toThrow(RangeError);
  });
});
