import { Router, type RequestHandler } from 'express';
import type { PovertyRegister, PovertyRegisterRows, PovertyRegisterSummary } from '../../api-contract';
import { maskCitizenId } from '../../domain/privacy/citizen-id-access';
import type { RegisterContent, StoredHousehold } from '../../domain/poverty-register/poverty-register';
import { addRegisterCounts, registerCounts } from '../../domain/poverty-register/register-counts';
import { registerProblems } from '../../domain/poverty-register/register-problems';
import { childOnPath } from '../../domain/plans/units-tree';
import type { Models } from '../../storage/create-models';
import type { PovertyRegisterDoc } from '../../storage/poverty-register-schema';
import { authenticatedUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { chainWithRole } from '../funds/readable-fund';
import type { CitizenIdHasher } from '../overlap/citizen-id-hasher';
import { loadPlanUnits } from '../plans/load-plan-units';
import { mayWritePlan } from '../plans/plan-access';
import { checkedParameters } from '../validation/checked-parameters';
import type { RequestValidator } from '../validation/create-request-validator';
import { readRegisterXlsx } from './read-register-xlsx';
import { registerFromRows } from '../../domain/poverty-register/register-rows';
import { staleRegisterRevision, type RegisterRevisionHead, type RegisterStore } from './create-register-store';

const head = (r: RegisterRevisionHead) => ({
  revision: r.revision,
  at: r.at.toISOString(),
  by: r.by,
  byName: r.byName,
  reason: r.reason,
  counts: r.counts,
});

/**
 * Who may replace a commune's register: its commune officers and unit head, or an administrator of it or above (the
 * writers of the commune's plans, mayWritePlan). 403 otherwise.
 */
async function assertMayWriteRegister(
  models: Models,
  caller: AuthenticatedUser,
  unit: { code: string; level: string },
) {
  if (await mayWritePlan(models, caller, unit)) return;
  throw new ForbiddenError({
    vi: 'Chỉ cán bộ của xã, phường đó, lãnh đạo đơn vị hoặc quản trị viên được nhập danh sách hộ nghèo',
    en: "only the commune's own officers, its head or an administrator may write its register",
  });
}

/**
 * The poverty register over HTTP ([poverty-register.md](../../docs/poverty-register.md)): per commune and year, an
 * append-only series of revisions; citizen ids are hashed (`hash`, the overlap index's key) and masked before they
 * are stored, and are never logged or answered in full. Read: anyone with a role at the commune or above.
 */
export function createPovertyRegisterRouter(deps: {
  models: Models;
  registers: RegisterStore;
  hash: CitizenIdHasher;
  validateBody: RequestValidator;
  authenticate: RequestHandler;
  now?: () => Date;
}): Router {
  const router = Router();
  const { models, registers } = deps;
  const now = deps.now ?? (() => new Date());

  const stored = (h: RegisterContent['households'][number]): StoredHousehold => ({
    head: { name: h.headName.trim(), key: deps.hash(h.cccd), masked: maskCitizenId(h.cccd.trim()) },
    hamlet: h.hamlet.trim(),
    category: h.category,
    ethnicMinority: h.ethnicMinority,
    members: h.members.map((m) => ({
      name: m.name.trim(),
      key: deps.hash(m.cccd),
      masked: maskCitizenId(m.cccd.trim()),
    })),
  });

  async function present(caller: AuthenticatedUser, doc: PovertyRegisterDoc, unitName: string, level: string) {
    return {
      unitCode: doc.unitCode,
      unitName,
      year: doc.year,
      ...head(doc),
      households: doc.households.map((h) => ({
        headName: h.head.name,
        cccd: h.head.masked,
        hamlet: h.hamlet,
        category: h.category,
        ethnicMinority: h.ethnicMinority,
        members: h.members.map((m) => ({ name: m.name, cccd: m.masked })),
      })),
      revisions: (await registers.revisions(doc.unitCode, doc.year)).map(head),
      mayEdit: await mayWritePlan(models, caller, { code: doc.unitCode, level }),
    } satisfies PovertyRegister;
  }

  router.post('/api/poverty-registers', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const body = deps.validateBody<RegisterContent>('PovertyRegisterRequest', req.body);
    const { tree, above } = await loadPlanUnits(models, body.unitCode).catch((error: unknown) => {
      if (error instanceof NotFoundError)
        throw new ValidationError([
          {
            path: '/unitCode',
            keyword: 'register',
            message: { vi: `Không có đơn vị ${body.unitCode}`, en: `no unit ${body.unitCode}` },
          },
        ]);
      throw error;
    });
    const unit = tree.get(body.unitCode)!;
    await assertMayWriteRegister(models, caller, { code: unit.code, level: unit.level });
    const problems = registerProblems(body, unit);
    if (problems.length > 0) throw new ValidationError(problems);
    const latest = (await registers.latest(body.unitCode, body.year))?.revision ?? 0;
    if (body.expectedRevision !== latest) throw staleRegisterRevision();
    const households = body.households.map(stored);
    const doc: PovertyRegisterDoc = {
      _id: `${body.unitCode}|${body.year}@${latest + 1}`,
      unitCode: body.unitCode,
      units: [body.unitCode, ...above],
      year: body.year,
      revision: latest + 1,
      households,
      counts: registerCounts(households),
      by: caller.id,
      byName: caller.displayName,
      at: now(),
      reason: body.reason.trim(),
    };
    await registers.append(doc);
    res.status(201).json(await present(caller, doc, unit.name, unit.level));
  });

  router.post('/api/poverty-registers/xlsx', deps.authenticate, async (req, res) => {
    authenticatedUser(req);
    const body = deps.validateBody<{ content: string }>('PovertyRegisterXlsxRequest', req.body);
    const { households, problems } = registerFromRows(await readRegisterXlsx(body.content));
    if (problems.length > 0) throw new ValidationError(problems);
    res.json({ households } satisfies PovertyRegisterRows);
  });

  router.get('/api/poverty-registers/:unit/:year', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const { unit, year } = checkedParameters<Record<string, never>, { unit: string; year: number }>(req).path;
    await chainWithRole(models, caller, unit);
    const doc = await registers.latest(unit, Number(year));
    if (!doc) throw new NotFoundError('danh sách hộ nghèo / poverty register');
    const unitDoc = await models.Unit.findById(unit, { name: 1, level: 1 }).lean();
    res.json(await present(caller, doc, unitDoc?.name ?? unit, unitDoc?.level ?? 'commune'));
  });

  router.get('/api/poverty-register-summary', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const query = checkedParameters<{ unit: string; year: number }>(req).query;
    const unit = query.unit!; // both required by the route's declaration
    const year = Number(query.year);
    await chainWithRole(models, caller, unit);
    const heads = await registers.headsUnder(unit, year);
    const { tree } = await loadPlanUnits(models, unit);
    const groups = new Map<string, RegisterRevisionHead[]>();
    for (const h of heads) {
      const child = childOnPath(tree, h.unitCode, unit);
      if (child) groups.set(child, [...(groups.get(child) ?? []), h]);
    }
    const byUnit = [...groups]
      .map(([code, list]) => ({
        unitCode: code,
        name: tree.get(code)?.name ?? code,
        counts: addRegisterCounts(list.map((h) => h.counts)),
        registers: list.length,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    res.json({
      unitCode: unit,
      unitName: tree.get(unit)?.name ?? unit,
      year,
      counts: addRegisterCounts(heads.map((h) => h.counts)),
      registers: heads.length,
      byUnit,
    } satisfies PovertyRegisterSummary);
  });

  return router;
}
