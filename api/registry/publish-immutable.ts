import { ConflictError, type Bilingual } from '../errors';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';

/**
 * Publishes `ref` once: published versions are immutable. If it is already published, the same content (by digest)
 * is a no-op (`created: false`) and different content is 409 `version_published`. The read-then-insert leaves a
 * window for a concurrent publication of the same `ref`; the unique `_id` lets exactly one insert in, and the
 * others (E11000) answer as if they had come after it, so of concurrent identical publications exactly one is
 * `created` (and audited by the caller) and of different ones exactly one wins.
 */
export async function publishImmutable(args: {
  ref: string;
  digest: string;
  /** What is published, for the message (`{ vi: 'Biểu mẫu', en: 'form' }`). */
  what: Bilingual;
  stored: () => Promise<{ digest: string } | null>;
  insert: () => Promise<unknown>;
}): Promise<{ ref: string; created: boolean }> {
  const { ref, digest, what } = args;
  const republished = (stored: { digest: string }) => {
    if (stored.digest === digest) return { ref, created: false };
    throw new ConflictError(
      {
        vi: `${what.vi} ${ref} đã được ban hành với nội dung khác; hãy tăng phiên bản`,
        en: `${what.en} ${ref} is already published with different content; publish a new version`,
      },
      { code: 'version_published' },
    );
  };
  const existing = await args.stored();
  if (existing) return republished(existing);
  try {
    await args.insert();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const winner = await args.stored();
    if (!winner) throw error;
    return republished(winner);
  }
  return { ref, created: true };
}
