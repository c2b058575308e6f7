import { DUPLICATE_KEY_CODE } from './duplicate-key-code';

/** True for a write refused by a unique index (E11000), the answer the code expects when a concurrent writer won. */
export function isDuplicateKeyError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === DUPLICATE_KEY_CODE;
}
