import { ValidationError } from '../errors';

/** A keyset position in a list sorted by (dueAt, _id): every page is an index range scan, however deep. */
export interface DueCursor {
  /** Null for a dossier whose clock is stopped (returned for supplement): those sort first. */
  dueAt: string | null;
  id: string;
}

const badCursor = () =>
  new ValidationError([
    {
      path: '/query/cursor',
      keyword: 'format',
      message: { vi: 'Con trỏ trang không hợp lệ', en: 'invalid page cursor' },
    },
  ]);

export function encodeDueCursor(cursor: DueCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/**
 * Undefined for no cursor; 422 for one that does not decode to a (date, id) pair. Its length is bounded by the
 * parameter's declaration (see cursorParameter) before this runs.
 */
export function decodeDueCursor(raw: string | undefined): DueCursor | undefined {
  if (raw === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as DueCursor;
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.id !== 'string') throw badCursor();
    if (parsed.dueAt !== null && (typeof parsed.dueAt !== 'string' || Number.isNaN(Date.parse(parsed.dueAt))))
      throw badCursor();
    return parsed;
  } catch {
    throw badCursor();
  }
}

/** The condition "after the cursor" in (dueAt, _id) order, where a null dueAt sorts before every date. */
export function afterDueCursor(cursor: DueCursor): Record<string, unknown> {
  if (cursor.dueAt === null) return { $or: [{ dueAt: null, _id: { $gt: cursor.id } }, { dueAt: { $ne: null } }] };
  const due = new Date(cursor.dueAt);
  return { $or: [{ dueAt: { $gt: due } }, { dueAt: due, _id: { $gt: cursor.id } }] };
}
