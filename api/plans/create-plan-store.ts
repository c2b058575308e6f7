import type { Models } from '../../storage/create-models';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';
import type { PlanRevisionDoc } from '../../storage/plan-revision-schema';
import { ConflictError } from '../errors';

export interface PlanStore {
  /**
   * Appends a revision, insert-if-absent on `{planId, revision}`: when that revision already exists (another edit
   * from the same revision came first), nothing is written and it throws 409 `plan_revision_conflict`.
   */
  append(revision: PlanRevisionDoc): Promise<void>;
  /** The plan's newest revision, or null for an unknown plan. */
  latest(planId: string): Promise<PlanRevisionDoc | null>;
  /** Every revision of the plan, the first first. */
  revisions(planId: string): Promise<PlanRevisionDoc[]>;
  /** The newest revision of every plan of the units. */
  latestOf(units: readonly string[]): Promise<PlanRevisionDoc[]>;
}

/** At most this many revisions are read for one list: far above what the plans of one province hold. */
const MAX_REVISIONS = 20_000;

/** The append-only store of plans (see PlanRevisionDoc): revisions are inserted, never updated or deleted. */
export function createPlanStore(deps: { models: Models }): PlanStore {
  const { PlanRevision } = deps.models;
  return {
    async append(revision) {
      try {
        await PlanRevision.create(revision);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        throw new ConflictError(
          {
            vi: 'Kế hoạch vừa được người khác sửa; hãy tải lại và sửa trên phiên bản mới nhất',
            en: 'the plan was just changed by someone else; reload it and edit the newest revision',
          },
          { code: 'plan_revision_conflict', cause: error },
        );
      }
    },
    latest: (planId) => PlanRevision.findOne({ planId }).sort({ revision: -1 }).lean<PlanRevisionDoc>().exec(),
    revisions: (planId) => PlanRevision.find({ planId }).sort({ revision: 1 }).lean<PlanRevisionDoc[]>().exec(),
    async latestOf(units) {
      const docs = await PlanRevision.find({ unitCode: { $in: [...units] } })
        .limit(MAX_REVISIONS)
        .lean<PlanRevisionDoc[]>();
      const newest = new Map<string, PlanRevisionDoc>();
      for (const doc of docs) if ((newest.get(doc.planId)?.revision ?? 0) < doc.revision) newest.set(doc.planId, doc);
      return [...newest.values()];
    },
  };
}
