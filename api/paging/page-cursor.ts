import { ValidationError } from '../errors';

const badCursor = () =>
  new ValidationError([
    {
      path: '/query/cursor',
      keyword: 'format',
      message: { vi: 'Con trỏ trang không hợp lệ', en: 'invalid page cursor' },
    },
  ]);

/** A keyset position as the opaque `cursor` parameter a client passes back (base64url of its JSON). */
export function encodePageCursor(position: object): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * Undefined for no cursor; 422 at `/query/cursor` for one that does not decode to a position `isPosition` accepts.
 * Its length is bounded by the parameter's declaration (see cursorParameter) before this runs.
 */
export function decodePageCursor<T>(
  raw: string | undefined,
  isPosition: (value: unknown) => value is T,
): T | undefined {
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!isPosition(parsed)) throw badCursor();
  return parsed;
}
