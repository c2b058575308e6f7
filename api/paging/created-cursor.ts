import { decodePageCursor, encodePageCursor } from './page-cursor';

/** A keyset position in a list sorted by (createdAt, _id), oldest first: every page is an index range scan. */
export interface CreatedCursor {
  createdAt: string;
  id: string;
}

const isCreatedCursor = (value: unknown): value is CreatedCursor => {
  if (typeof value !== 'object' || value === null) return false;
  const { createdAt, id } = value as Partial<CreatedCursor>;
  return typeof id === 'string' && typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt));
};

export const encodeCreatedCursor = (row: { createdAt: Date; _id: string }): string =>
  encodePageCursor({ createdAt: row.createdAt.toISOString(), id: row._id } satisfies CreatedCursor);

/** Undefined for no cursor; 422 at `/query/cursor` for one that is not a (date, id) pair. */
export const decodeCreatedCursor = (raw: string | undefined): CreatedCursor | undefined =>
  decodePageCursor(raw, isCreatedCursor);

/** The condition "after the cursor" in (createdAt, _id) order. */
export function afterCreatedCursor(cursor: CreatedCursor): Record<string, unknown> {
  const at = new Date(cursor.createdAt);
  return { $or: [{ createdAt: { $gt: at } }, { createdAt: at, _id: { $gt: cursor.id } }] };
}
