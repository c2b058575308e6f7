import { FormRefError } from './form-ref-error';

const keyPattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const refPattern = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)@([1-9][0-9]*)$/;

/**
 * The one way a form version is named: `key@version`, e.g. `housing-proposal@1` (the same shape as process
 * definition refs). Throws {@link FormRefError} if the key is not lower-case words joined by hyphens or the version
 * is not a positive integer, so a malformed ref is never stored.
 */
export function formRef(key: string, version: number): string {
  if (typeof key !== 'string' || !keyPattern.test(key)) {
    throw new FormRefError(
      `Malformed form key ${JSON.stringify(key)}: expected lower-case words joined by "-", e.g. "housing-proposal"`,
      key,
    );
  }
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new FormRefError(
      `Malformed form version ${JSON.stringify(version)} of "${key}": expected a positive integer`,
      version,
    );
  }
  return `${key}@${version}`;
}

/** The parts of `key@version`. Throws {@link FormRefError} naming the input and the expected shape otherwise. */
export function parseFormRef(ref: string): { key: string; version: number } {
  const match = typeof ref === 'string' ? refPattern.exec(ref) : null;
  if (!match) {
    throw new FormRefError(
      `Malformed form reference ${JSON.stringify(ref)}: expected "<key>@<version>", e.g. "housing-proposal@1"`,
      ref,
    );
  }
  return { key: match[1]!, version: Number(match[2]) };
}
