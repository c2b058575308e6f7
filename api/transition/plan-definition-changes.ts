import type { TransitionReport } from '../../api-contract';
import type { OfferedDates } from '../../domain/process/offered-dates';
import { offeredDates } from '../../domain/process/offered-dates';
import type { Models } from '../../storage/create-models';
import type { TransitionPlanDoc } from '../../storage/transition-plan-schema';
import { isNationalAdmin } from '../admin/assert-national-admin';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ValidationError } from '../errors';
import type { ProcessRegistry } from '../registry/create-process-registry';

type DefinitionEntry = TransitionReport['definitions'][number];
type Request = Partial<Pick<TransitionPlanDoc, 'definitionsStart'>> & {
  definitionsEnd?: { processKey: string; processVersion?: number | null; lastDay: string }[];
};

const field = (path: string, vi: string, en: string) =>
  new ValidationError([{ path, keyword: 'transition', message: { vi, en } }]);

/**
 * The definitions a transition plan ends and starts (docs/transition-plans.md): it narrows their offered dates
 * (`offeredDates`, read by the one start rule, `startProblem`), through the registry. Published definitions stay
 * immutable; ending one stops new dossiers after its last day, never the dossiers already running on it.
 */
export function planDefinitionChanges(deps: { models: Models; processes: ProcessRegistry }) {
  const { models, processes } = deps;

  /** The published versions an entry names: its version, or every version of its key. */
  async function versionsOf(key: string, version: number | null | undefined): Promise<number[]> {
    if (version) return [version];
    const docs = await models.ProcessDefinition.find({ key }, { version: 1 }).sort({ version: 1 }).lean();
    return docs.map((d) => d.version);
  }

  return {
    /**
     * 422 at the field: a definition not published, or a caller who is not a national administrator (what a
     * definition offers binds every province, so one province's administrator may not narrow it for the others).
     */
    async check(caller: AuthenticatedUser, request: Request): Promise<void> {
      const named = [
        ...(request.definitionsEnd ?? []).map((d, i) => ({ ...d, path: `/definitionsEnd/${i}` })),
        ...(request.definitionsStart ?? []).map((d, i) => ({ ...d, path: `/definitionsStart/${i}` })),
      ];
      if (named.length === 0) return;
      // The offered dates are the definition's, for every province: a national administrator's to narrow.
      if (!isNationalAdmin(caller)) {
        throw field(
          `${named[0]!.path}/processKey`,
          'Chỉ quản trị cấp quốc gia được thay đổi thời hạn nhận hồ sơ của quy trình (áp dụng cho mọi tỉnh/thành)',
          'only a national administrator may change when a process takes new dossiers (it binds every province)',
        );
      }
      for (const entry of named) {
        const versions = await versionsOf(entry.processKey, entry.processVersion);
        for (const version of versions) {
          try {
            await processes.get(entry.processKey, version);
          } catch {
            const at = entry.processVersion ? 'processVersion' : 'processKey';
            throw field(
              `${entry.path}/${at}`,
              `Không có quy trình ${entry.processKey}@${version}`,
              `no process ${entry.processKey}@${version}`,
            );
          }
        }
        if (versions.length === 0) {
          throw field(
            `${entry.path}/processKey`,
            `Không có quy trình ${entry.processKey}`,
            `no process ${entry.processKey}`,
          );
        }
      }
    },

    /**
     * Each version's offered dates before and after the plan; with `apply`, narrowed in the registry (idempotent: a
     * re-run finds them narrowed and reports `unchanged`).
     */
    async report(plan: TransitionPlanDoc, apply: boolean): Promise<DefinitionEntry[]> {
      const wanted: { key: string; version: number; change: 'end' | 'start'; dates: OfferedDates }[] = [];
      for (const end of plan.definitionsEnd ?? []) {
        for (const version of await versionsOf(end.processKey, end.processVersion)) {
          wanted.push({ key: end.processKey, version, change: 'end', dates: { effectiveTo: end.lastDay } });
        }
      }
      for (const start of plan.definitionsStart ?? []) {
        const dates = { effectiveFrom: start.firstDay };
        wanted.push({ key: start.processKey, version: start.processVersion, change: 'start', dates });
      }
      const entries: DefinitionEntry[] = [];
      for (const { key, version, change, dates } of wanted) {
        const { title } = await processes.get(key, version);
        const entry = { processKey: key, processVersion: version, title, change };
        if (apply) {
          const { before, after } = await processes.narrowOffer(key, version, dates, plan._id);
          const same = before.effectiveFrom === after.effectiveFrom && before.effectiveTo === after.effectiveTo;
          entries.push({ ...entry, before, after, result: same ? 'unchanged' : 'applied' });
        } else {
          const before = await processes.offered(key, version);
          entries.push({ ...entry, before, after: offeredDates(before, dates) });
        }
      }
      return entries;
    },
  };
}
