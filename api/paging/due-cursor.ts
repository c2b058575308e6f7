import { decodePageCursor, encodePageCursor } from './page-cursor';

/** A keyset position in a list sorted by (dueAt, _id): every page is an index range scan, however deep. */
export interface DueCursor {
  /** Null for a dossier whose clock is stopped (returned for supplement): those sort first. */
  dueAt: string | null;
  id: string;
}

const isDueCursor = (value: unknown): value is DueCursor => {
  if (typeof value !== 'object' || value === null) return false;
  const { dueAt, id } = value as Partial<DueCursor>;
  return typeof id === 'string' && (dueAt === null || (typeof dueAt === 'string' && !Number.isNaN(Date.parse(dueAt))));
};

export function encodeDueCursor(cursor: DueCursor): string {
  return encodePageCursor(cursor);
}

/**
 * Undefined for no cursor; 422 for one that does not decode to a (date, id) pair. Its length is bounded by the
 * parameter's declaration (see cursorParameter) before this runs.
 */
export function decodeDueCursor(raw: string | undefined): DueCursor | undefined {
  return decodePageCursor(raw, isDueCursor);
}

/** The condition "after the cursor" in (dueAt, _id) order, where a null dueAt sorts before every date. */
export function afterDueCursor(cursor: DueCursor): Record<string, unknown> {
  if (cursor.dueAt === null) return { $or: [{ dueAt: null, _id: { $gt: cursor.id } }, { dueAt: { $ne: null } }] };
  const due = new Date(cursor.dueAt);
  return { $or: [{ dueAt: { $gt: due } }, { dueAt: due, _id: { $gt: cursor.id } }] };
}
