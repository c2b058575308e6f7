import type { Models } from '../../storage/create-models';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';
import type { PovertyRegisterDoc } from '../../storage/poverty-register-schema';
import { ConflictError } from '../errors';

/** A revision without its households (lists, roll-ups, the revision history). */
export type RegisterRevisionHead = Omit<PovertyRegisterDoc, 'households'>;

export interface RegisterStore {
  /**
   * Appends a revision, insert-if-absent on `{unitCode, year, revision}`: when that revision exists already (another
   * replacement from the same revision came first) nothing is written and it throws 409 `register_revision_conflict`.
   */
  append(revision: PovertyRegisterDoc): Promise<void>;
  /** The newest revision of a commune's register for the year, or null. */
  latest(unitCode: string, year: number): Promise<PovertyRegisterDoc | null>;
  /** Every revision of a commune's register for the year, without households, the first first. */
  revisions(unitCode: string, year: number): Promise<RegisterRevisionHead[]>;
  /** The newest revision of every commune register of the year at or below `unitCode`, without households. */
  headsUnder(unitCode: string, year: number): Promise<RegisterRevisionHead[]>;
  /** The same, whole (coverage needs the households). */
  latestUnder(unitCode: string, year: number): Promise<PovertyRegisterDoc[]>;
}

const conflict = (cause?: unknown) =>
  new ConflictError(
    {
      vi: 'Danh sách hộ nghèo vừa được thay bằng phiên bản mới; hãy tải lại và nhập trên phiên bản mới nhất',
      en: 'the register was just replaced by a newer revision; reload it and start from the newest revision',
    },
    { code: 'register_revision_conflict', ...(cause === undefined ? {} : { cause }) },
  );

/** The 409 of a replacement made from an older revision than the newest. */
export const staleRegisterRevision = () => conflict();

const HEAD = { households: 0 } as const;

/** The append-only store of poverty registers (see PovertyRegisterDoc): inserted, never updated or deleted. */
export function createRegisterStore(deps: { models: Models }): RegisterStore {
  const { PovertyRegister } = deps.models;
  const newestIds = async (unitCode: string, year: number): Promise<string[]> => {
    const all = await PovertyRegister.find({ units: unitCode, year }, { unitCode: 1, revision: 1 }).lean();
    const newest = new Map<string, { _id: string; revision: number }>();
    for (const r of all) if ((newest.get(r.unitCode)?.revision ?? 0) < r.revision) newest.set(r.unitCode, r);
    return [...newest.values()].map((r) => r._id);
  };
  return {
    async append(revision) {
      try {
        await PovertyRegister.create(revision);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        throw conflict(error);
      }
    },
    latest: (unitCode, year) =>
      PovertyRegister.findOne({ unitCode, year }).sort({ revision: -1 }).lean<PovertyRegisterDoc>().exec(),
    revisions: (unitCode, year) =>
      PovertyRegister.find({ unitCode, year }, HEAD).sort({ revision: 1 }).lean<RegisterRevisionHead[]>().exec(),
    async headsUnder(unitCode, year) {
      const ids = await newestIds(unitCode, year);
      return ids.length
        ? PovertyRegister.find({ _id: { $in: ids } }, HEAD)
            .lean<RegisterRevisionHead[]>()
            .exec()
        : [];
    },
    async latestUnder(unitCode, year) {
      const ids = await newestIds(unitCode, year);
      return ids.length
        ? PovertyRegister.find({ _id: { $in: ids } })
            .lean<PovertyRegisterDoc[]>()
            .exec()
        : [];
    },
  };
}
