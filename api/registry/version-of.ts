import { ValidationError } from '../errors';

/** A definition version from a path or query parameter: a positive integer, else 422 on `path`. */
export function versionOf(raw: string, path = '/version'): number {
  if (!/^[1-9][0-9]{0,5}$/.test(raw)) {
    throw new ValidationError([
      {
        path,
        keyword: 'type',
        message: { vi: 'Phiên bản phải là số nguyên dương', en: 'version must be a positive integer' },
      },
    ]);
  }
  return Number(raw);
}
