import { randomUUID } from 'node:crypto';
import { mapLimited } from '../dossiers/map-limited';
import type { Client } from '@temporalio/client';
import type { TransitionPlan, TransitionReport, TransitionReportEntry } from '../../api-contract';
import { findStep } from '../../domain/process/find-step';
import type { ProcessDefinition } from '../../domain/process/process-definition';
import type { TransferInput } from '../../domain/process/transition-transfer';
import type { Models } from '../../storage/create-models';
import type { TransitionPlanDoc } from '../../storage/transition-plan-schema';
import type { TransitionReportDoc } from '../../storage/transition-report-schema';
import { transfer } from '../../workflows/messages';
import { ADMIN_ROLE } from '../admin/admin-role';
import { administeredSubtree } from '../admin/administered-subtree';
import { assertAdminOf } from '../admin/assert-admin-of';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { workflowIdOf } from '../dossiers/workflow-id-of';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { mapWorkflowFailure } from '../errors/map-workflow-failure';
import type { ProcessRegistry } from '../registry/create-process-registry';
import type { FormRegistry } from '../registry/create-form-registry';
import { filesFollowDossier } from './files-follow-dossier';
import {
  definitionKey,
  transitionEntryOf,
  type PlannedEntry,
  type TransitionContext,
  type TransitionDossier,
} from './transition-entry-of';
import { transitionProblem } from './transition-problem';
import { presentTransitionReport } from './present-transition-report';
import { alreadyMovedEntry } from './already-moved-entry';
import { planDefinitionChanges } from './plan-definition-changes';
import { planGrantChanges } from './plan-grant-changes';
import { recordPlanRun, type RecordedPlanRun } from './record-plan-run';

export type TransitionPlanRequest = Pick<
  TransitionPlanDoc,
  'name' | 'legalBasis' | 'reformDate' | 'definitionMapping'
> &
  Partial<Pick<TransitionPlanDoc, 'unitMapping' | 'finishOnOld' | 'definitionsStart' | 'grantsStart'>> & {
    definitionsEnd?: { processKey: string; processVersion?: number; lastDay: string }[];
    /** Absent: every grant at each unit the plan retires (planGrantChanges.proposedEnds). */
    grantsEnd?: { unitCode: string; username?: string; role?: string }[];
  };

export interface TransitionService {
  create(caller: AuthenticatedUser, request: TransitionPlanRequest): Promise<TransitionPlan>;
  get(caller: AuthenticatedUser, planId: string): Promise<TransitionPlan>;
  /** The plans the caller may read (as `get` decides), newest first. */
  list(caller: AuthenticatedUser): Promise<TransitionPlan[]>;
  /** The plan's stored reports, newest first. */
  reports(caller: AuthenticatedUser, planId: string): Promise<TransitionReport[]>;
  /** A dry run changes no dossier; an execution moves each dossier it can. Both store their report. */
  run(caller: AuthenticatedUser, planId: string, kind: TransitionReport['kind']): Promise<TransitionReport>;
}

const field = (path: string, vi: string, en: string) =>
  new ValidationError([{ path, keyword: 'transition', message: { vi, en } }]);

/**
 * How many dossiers an execution moves at once: each move is a Temporal update to its own workflow and the write of
 * its attachments' readers, so moves overlap their round trips (docs/benchmarks.md, "Transition plans").
 */
export const TRANSFER_CONCURRENCY = 8;

/**
 * Transition plans (docs/transition-plans.md): an administrator prepares how the open dossiers of a reform move,
 * runs it dry for a report, then executes it. Execution sends each dossier the workflow's `transfer` update with the
 * update id `<planId>:<dossierId>`, which the workflow also records: a re-run (or a crash mid-run and a retry) moves
 * nothing twice, and a dossier moved by an earlier run is reported as such. A dossier that refuses its move (it was
 * decided meanwhile) is reported as failed with the reason; the others go on.
 */
export function createTransitionService(deps: {
  models: Models;
  temporal: Client;
  processes: ProcessRegistry;
  forms: FormRegistry;
  workflowIdPrefix?: string;
  now?: () => Date;
  /** How many dossiers are moved at once (TRANSFER_CONCURRENCY by default; `npm run bench:transition` measures it). */
  concurrency?: number;
}): TransitionService {
  const { models } = deps;
  const concurrency = deps.concurrency ?? TRANSFER_CONCURRENCY;
  const now = deps.now ?? (() => new Date());
  const definitionChanges = planDefinitionChanges({ models, processes: deps.processes });
  const grantChanges = planGrantChanges({ models });

  async function definitionOr422(path: string, key: string, version: number, step: string) {
    let definition: ProcessDefinition;
    try {
      definition = await deps.processes.get(key, version);
    } catch {
      throw field(`${path}/processKey`, `Không có quy trình ${key}@${version}`, `no process ${key}@${version}`);
    }
    if (!findStep(definition, step)) {
      throw field(
        `${path}/step`,
        `Quy trình ${key}@${version} không có bước ${step}`,
        `${key}@${version} has no ${step}`,
      );
    }
    return definition;
  }

  async function planOf(caller: AuthenticatedUser, planId: string): Promise<TransitionPlanDoc> {
    const plan = planId.length <= 60 ? await models.TransitionPlan.findById(planId).lean() : null;
    if (!plan) throw new NotFoundError(`transition plan ${planId.slice(0, 60)}`);
    await administeredSubtree(models, caller);
    // A plan that maps no unit names no scope of its own: only its author may read or run it.
    if (plan.unitMapping.length === 0 && plan.createdBy !== caller.id) {
      throw new NotFoundError(`transition plan ${planId.slice(0, 60)}`);
    }
    for (const m of plan.unitMapping) await assertAdminOf(models, caller, m.from);
    return plan;
  }

  async function present(plan: TransitionPlanDoc): Promise<TransitionPlan> {
    const executed = await models.TransitionReport.exists({ planId: plan._id, kind: 'execute' });
    return {
      id: plan._id,
      name: plan.name,
      legalBasis: plan.legalBasis,
      reformDate: plan.reformDate,
      unitMapping: plan.unitMapping,
      definitionMapping: plan.definitionMapping,
      finishOnOld: plan.finishOnOld,
      definitionsEnd: plan.definitionsEnd ?? [],
      definitionsStart: plan.definitionsStart ?? [],
      grantsEnd: plan.grantsEnd ?? [],
      grantsStart: plan.grantsStart ?? [],
      createdBy: plan.createdByName,
      createdAt: plan.createdAt.toISOString(),
      executed: Boolean(executed),
      run: plan.run
        ? {
            ...plan.run,
            startedAt: plan.run.startedAt.toISOString(),
            finishedAt: plan.run.finishedAt?.toISOString() ?? null,
          }
        : null,
    };
  }

  /** The plan's open dossiers: in a unit it maps or a unit retired by its date, within the caller's units. */
  async function openDossiers(caller: AuthenticatedUser, plan: TransitionPlanDoc, moved: Set<string>) {
    const subtree = await administeredSubtree(models, caller);
    const retired = await models.Unit.find({ effectiveTo: { $ne: null, $lt: plan.reformDate } }, { _id: 1 }).lean();
    const affected = [...new Set([...plan.unitMapping.map((m) => m.from), ...retired.map((u) => u._id)])].filter(
      (code) => subtree.has(code),
    );
    const fields = {
      processKey: 1,
      processVersion: 1,
      status: 1,
      currentStep: 1,
      currentLevel: 1,
      processingUnit: 1,
      units: 1,
      receivingUnit: 1,
    };
    const found = await models.DossierView.find(
      {
        $or: [
          { currentStep: { $ne: null }, unitChain: { $in: affected } },
          { _id: { $in: [...moved, ...plan.finishOnOld.map((f) => f.dossierId)] } },
        ],
      },
      { ...fields, unitChain: 1 },
    )
      .sort({ _id: 1 })
      .lean();
    // Only dossiers of the caller's own units, whichever way they were named (a plan's dossier list included).
    return found
      .filter((d) => (d.unitChain ?? []).some((code) => subtree.has(code)))
      .map(({ unitChain: _chain, ...dossier }): TransitionDossier => dossier);
  }

  async function contextOf(plan: TransitionPlanDoc, dossiers: TransitionDossier[]): Promise<TransitionContext> {
    const units = new Map((await models.Unit.find({}).lean()).map((u) => [u._id, u]));
    const definitions = new Map<string, ProcessDefinition>();
    const wanted = [
      ...plan.definitionMapping.map((m) => m.to),
      ...dossiers.filter((d) => plan.finishOnOld.some((f) => f.dossierId === d._id)),
    ];
    for (const ref of wanted) {
      const key = definitionKey(ref.processKey, ref.processVersion);
      if (!definitions.has(key)) definitions.set(key, await deps.processes.get(ref.processKey, ref.processVersion));
    }
    return { plan, units, definitions };
  }

  async function alreadyMovedFilesFollow(dossier: TransitionDossier): Promise<void> {
    const units = Object.values(dossier.units ?? {}).filter((u): u is string => Boolean(u));
    await filesFollowDossier({ models, forms: deps.forms }, dossier._id, [], units);
  }

  async function carryOut(
    plan: TransitionPlanDoc,
    caller: AuthenticatedUser,
    planned: PlannedEntry,
    dossier: TransitionDossier,
  ) {
    const { entry, move } = planned;
    if (!move) return entry;
    const adminGrant = caller.grants.find((g) => g.role === ADMIN_ROLE);
    const input: TransferInput = {
      transferId: `${plan._id}:${entry.dossierId}`,
      actor: { userId: caller.id, role: ADMIN_ROLE, unitCode: adminGrant?.unitCode ?? '' },
      reason: `${plan.name} — ${plan.legalBasis}`,
      ...move,
    };
    const handle = deps.temporal.workflow.getHandle(workflowIdOf(entry.dossierId, deps.workflowIdPrefix));
    try {
      const result = await handle.executeUpdate(transfer, { args: [input], updateId: input.transferId });
      const moved = { ...entry, result: result.moved ? ('moved' as const) : ('unchanged' as const) };
      const oldUnits = Object.values(dossier.units ?? {}).filter((u): u is string => Boolean(u));
      const newUnits = Object.values(move.units).filter((u): u is string => Boolean(u));
      try {
        await filesFollowDossier({ models, forms: deps.forms }, entry.dossierId, oldUnits, newUnits);
      } catch {
        // The dossier has moved (its workflow says so): it is reported moved, with the attachments still to follow;
        // a re-run of the plan gives them the new chain's readers (alreadyMovedFilesFollow).
        return { ...moved, problems: [...entry.problems, filesPending()] };
      }
      return moved;
    } catch (error) {
      // One dossier that cannot be moved (refused, closed since the read, Temporal unreachable) fails alone: the
      // others are still carried out and the report is stored with this one marked failed.
      const mapped = mapWorkflowFailure(error, entry.dossierId);
      const vi = mapped?.localized.vi ?? 'không chuyển được';
      const en = mapped?.localized.en ?? 'could not be moved';
      return {
        ...entry,
        result: 'failed' as const,
        problems: [...entry.problems, transitionProblem('refused', `Hồ sơ từ chối: ${vi}`, `refused: ${en}`)],
      };
    }
  }

  return {
    async create(caller, request) {
      const subtree = await administeredSubtree(models, caller);
      for (const [i, m] of (request.unitMapping ?? []).entries()) {
        for (const side of ['from', 'to'] as const) {
          if (!(await models.Unit.exists({ _id: m[side] }))) {
            throw field(`/unitMapping/${i}/${side}`, `Không có đơn vị ${m[side]}`, `no unit ${m[side]}`);
          }
        }
        await assertAdminOf(models, caller, m.from);
        await assertAdminOf(models, caller, m.to);
      }
      for (const [i, m] of request.definitionMapping.entries()) {
        const { from, to } = m;
        await definitionOr422(`/definitionMapping/${i}/from`, from.processKey, from.processVersion, from.step);
        await definitionOr422(`/definitionMapping/${i}/to`, to.processKey, to.processVersion, to.step);
      }
      for (const [i, f] of (request.finishOnOld ?? []).entries()) {
        if (!(await models.Unit.exists({ _id: f.unitCode }))) {
          throw field(`/finishOnOld/${i}/unitCode`, `Không có đơn vị ${f.unitCode}`, `no unit ${f.unitCode}`);
        }
        await assertAdminOf(models, caller, f.unitCode);
        const dossier = await models.DossierView.findById(f.dossierId, { unitChain: 1 }).lean();
        if (!dossier || !(dossier.unitChain ?? []).some((code) => subtree.has(code))) {
          throw field(
            `/finishOnOld/${i}/dossierId`,
            'Không có hồ sơ này trong các đơn vị bạn quản trị',
            'no such dossier in the units you administer',
          );
        }
      }
      await definitionChanges.check(caller, request);
      await grantChanges.check(request, subtree);
      const grantsEnd = request.grantsEnd
        ? request.grantsEnd.map(({ unitCode, username, role }) => ({
            unitCode,
            username: username ?? null,
            role: role ?? null,
          }))
        : await grantChanges.proposedEnds(request, subtree);
      const doc: TransitionPlanDoc = {
        _id: randomUUID(),
        name: request.name,
        legalBasis: request.legalBasis,
        reformDate: request.reformDate,
        unitMapping: (request.unitMapping ?? []).map(({ from, to }) => ({ from, to })),
        definitionMapping: request.definitionMapping.map(({ from, to }) => ({
          from: { processKey: from.processKey, processVersion: from.processVersion, step: from.step },
          to: { processKey: to.processKey, processVersion: to.processVersion, step: to.step },
        })),
        finishOnOld: (request.finishOnOld ?? []).map(({ dossierId, unitCode }) => ({ dossierId, unitCode })),
        definitionsEnd: (request.definitionsEnd ?? []).map(({ processKey, processVersion, lastDay }) => ({
          processKey,
          processVersion: processVersion ?? null,
          lastDay,
        })),
        definitionsStart: (request.definitionsStart ?? []).map(({ processKey, processVersion, firstDay }) => ({
          processKey,
          processVersion,
          firstDay,
        })),
        grantsEnd,
        grantsStart: (request.grantsStart ?? []).map(({ username, role, unitCode, from }) => ({
          username,
          role,
          unitCode,
          from,
        })),
        createdBy: caller.id,
        createdByName: caller.displayName,
        createdAt: now(),
      };
      await models.TransitionPlan.create(doc);
      return present(doc);
    },

    async get(caller, planId) {
      return present(await planOf(caller, planId));
    },

    async list(caller) {
      await administeredSubtree(models, caller);
      const plans = await models.TransitionPlan.find({}).sort({ createdAt: -1 }).lean();
      const readable: TransitionPlan[] = [];
      for (const plan of plans) {
        // The same rule as `get`: a plan the caller may not read is left out, not an error.
        try {
          readable.push(await present(await planOf(caller, plan._id)));
        } catch (error) {
          if (!(error instanceof NotFoundError || error instanceof ForbiddenError)) throw error;
        }
      }
      return readable;
    },

    async reports(caller, planId) {
      await planOf(caller, planId);
      const stored = await models.TransitionReport.find({ planId }).sort({ at: -1 }).lean();
      return stored.map(presentTransitionReport);
    },

    async run(caller, planId, kind) {
      const plan = await planOf(caller, planId);
      // Whoever runs it, not only its author, must be allowed every change it makes: an administrator who reads the
      // plan through its unit mapping may not end grants or narrow definitions beyond their own scope.
      await definitionChanges.check(caller, plan);
      await grantChanges.check(plan, await administeredSubtree(models, caller));
      const earlier = await models.TransitionReport.find({ planId, kind: 'execute' }, { entries: 1 }).lean();
      const moved = new Set(
        earlier.flatMap((r) => r.entries.filter((e) => e.result === 'moved').map((e) => e.dossierId)),
      );
      const dossiers = await openDossiers(caller, plan, moved);
      const ctx = await contextOf(plan, dossiers);
      const reportId = randomUUID();
      const recorded = await recordPlanRun(
        models,
        { planId, reportId, kind, total: dossiers.length, startedAt: now(), by: caller.displayName },
        now,
      );
      let report: TransitionReport;
      try {
        report = await runRecorded(plan, caller, kind, { dossiers, moved, ctx, reportId, recorded });
      } catch (error) {
        await recorded.end('failed').catch(() => undefined);
        throw error;
      }
      // The run is done and its report stored: a failed write of its end costs only the figure shown.
      await recorded.end('finished').catch(() => undefined);
      return report;
    },
  };

  async function runRecorded(
    plan: TransitionPlanDoc,
    caller: AuthenticatedUser,
    kind: TransitionReport['kind'],
    run: {
      dossiers: TransitionDossier[];
      moved: Set<string>;
      ctx: TransitionContext;
      reportId: string;
      recorded: RecordedPlanRun;
    },
  ): Promise<TransitionReport> {
    const { dossiers, moved, ctx } = run;
    // Several dossiers at once (each its own workflow, its own attachments), the report in the dossiers' order.
    const entries: TransitionReportEntry[] = await mapLimited(dossiers, concurrency, async (dossier) => {
      try {
        return await entryFor(dossier);
      } finally {
        run.recorded.progress.step();
      }
    });
    async function entryFor(dossier: TransitionDossier): Promise<TransitionReportEntry> {
      // Moved by an earlier execution: reported, never sent again (the workflow would also refuse to move it twice).
      if (moved.has(dossier._id)) {
        // Its attachments get the readers of the chain it is on now, in case they did not follow it the first time
        // (idempotent: `$addToSet`). A failure is this dossier's alone, reported as when it was moved: the other
        // moves, on their way at the same time, finish and are reported.
        if (kind !== 'execute') return alreadyMovedEntry(dossier);
        try {
          await alreadyMovedFilesFollow(dossier);
          return alreadyMovedEntry(dossier);
        } catch {
          return { ...alreadyMovedEntry(dossier), problems: [filesPending()] };
        }
      }
      const planned = transitionEntryOf(ctx, dossier);
      return kind === 'execute' ? carryOut(plan, caller, planned, dossier) : planned.entry;
    }
    // Definitions and grants after the dossiers: a dossier is moved while its officers still hold their roles.
    const definitions = await definitionChanges.report(plan, kind === 'execute');
    const grants = await grantChanges.report(plan, caller, kind === 'execute');
    const count = (action: TransitionReportEntry['action']) => entries.filter((e) => e.action === action).length;
    const report: TransitionReportDoc = {
      _id: run.reportId,
      planId: plan._id,
      kind,
      at: now(),
      by: caller.displayName,
      byUserId: caller.id,
      counts: {
        dossiers: entries.length,
        move: count('move'),
        finishOnOld: count('finish_on_old'),
        blocked: count('blocked'),
        alreadyMoved: count('already_moved'),
        failed: entries.filter((e) => e.result === 'failed').length,
      },
      entries,
      definitions,
      grants,
    };
    await models.TransitionReport.create(report);
    return presentTransitionReport(report);
  }
}

/** A moved dossier whose attachments do not have the new chain's readers yet (a re-run gives them). */
const filesPending = () =>
  transitionProblem(
    'files_pending',
    'Đã chuyển hồ sơ nhưng chưa cập nhật quyền xem tệp đính kèm: hãy chạy lại phương án',
    'moved, but its attachments do not follow it yet: run the plan again',
  );
