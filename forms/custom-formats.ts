/**
 * The project's own string formats, registered by {@link createAjv} and by anything else that builds validators
 * of the same set-up (the browser's precompiled validators, a react-jsonschema-form validator).
 *
 * Each format is a bare `RegExp`: ajv applies a RegExp format to strings only (other types pass, the `type`
 * keyword reports them) and, unlike a function, inlines it into standalone (precompiled) validator code, so the
 * browser bundle needs no runtime import for them. Values are matched as given: no trimming, no separators.
 *
 * - `cccd` — citizen identity card (Căn cước công dân) number: exactly 12 ASCII digits.
 * - `vn-phone` — a Vietnamese phone number in canonical form, no spaces, dots or dashes:
 *   - mobile: `0` + one of 3, 5, 7, 8, 9 + 8 digits (10 digits, e.g. `0912345678`), the networks' prefixes since
 *     the 2018 renumbering;
 *   - landline: `02` + 9 digits (11 digits, area code 2xx included, e.g. `02438253456` for Hanoi), the numbering
 *     in force since 2017;
 *   - either may be written internationally with `+84` instead of the leading `0` (`+84912345678`).
 *   Service numbers (1800…, 1900…) and short codes are refused: they do not reach a household.
 * - `unit-code` — an administrative-unit code: 1–4 segments of uppercase ASCII letters or digits joined by `-`,
 *   e.g. `HN`, `HN-HD`, `HN-HD-HC`.
 * - `fund-id` — a fund's id (`funds._id`, [funds.md](../docs/funds.md)): a UUID in lower-case canonical form. The
 *   format checks the shape only; whether the fund exists, is active and may pay for the dossier is the server's
 *   check when the form is submitted.
 */
export const customFormats: Readonly<Record<'cccd' | 'vn-phone' | 'unit-code' | 'fund-id', RegExp>> = Object.freeze({
  cccd: /^[0-9]{12}$/,
  'vn-phone': /^(?:0|\+84)(?:[35789][0-9]{8}|2[0-9]{9})$/,
  'unit-code': /^[A-Z0-9]+(?:-[A-Z0-9]+){0,3}$/,
  'fund-id': /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
});
