/**
 * The `date` and `date-time` formats of the shared set-up (see createAjv): RFC 3339 full dates and date-times, as
 * ajv-formats checks them (the calendar: 2025-02-29 fails; a date-time needs its offset), and in addition bounded to
 * the years {@link DATE_RANGE} covers. No date a form or a request body carries is meaningful outside it (birth dates
 * and historical records start in 1900; plans and expiries end by 2100), and `9999-12-31` or `0000-01-01` are typing
 * mistakes or probes, not dates. A field whose meaning is tighter checks that itself (an embed token expires within
 * two years of its creation, see the embed administration).
 *
 * Regular expressions, not functions: ajv inlines them into precompiled (standalone) validators, so the browser
 * checks the same range with no runtime import. Leap years within the range are spelled out (1900 and 2100 are not
 * leap years; 2000 is). Linear-time expressions with no nested quantifiers.
 *
 * Changes from ajv-formats: years before 1900 or after 2100 fail; the date-time separator is `T`, `t` or a space (no
 * other white space); a leap second (`23:59:60`) fails; at most 9 digits of fractional seconds; the offset is `Z` or
 * `±hh:mm` as RFC 3339 writes it (`+0700` and `+07` fail: JavaScript's Date cannot read the latter, and the API
 * reads every date-time it accepts).
 */
export const DATE_RANGE = { min: '1900-01-01', max: '2100-12-31' } as const;

const YEAR = '(?:19[0-9]{2}|20[0-9]{2}|2100)';
const LEAP_YEAR = '(?:19(?:0[48]|[2468][048]|[13579][26])|20(?:0[048]|[2468][048]|[13579][26]))';
const MONTH_DAY =
  '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))';
const DATE = `(?:${YEAR}-${MONTH_DAY}|${LEAP_YEAR}-02-29)`;
const TIME = '(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,9})?';
const OFFSET = '(?:[zZ]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])';

export const boundedDateFormats: Readonly<Record<'date' | 'date-time', RegExp>> = Object.freeze({
  date: new RegExp(`^${DATE}$`),
  'date-time': new RegExp(`^${DATE}[tT ]${TIME}${OFFSET}$`),
});
