import { Router, type RequestHandler, type Response } from 'express';
import type { Models } from '../../storage/create-models';
import type { UnitDoc } from '../../storage/unit-schema';
import { authenticatedUser } from '../auth/authenticated-user';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { RequestValidator } from '../validation/create-request-validator';
import { assertAdminOf } from './assert-admin-of';
import { recordAdminEvent } from './record-admin-event';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';
import type { AdminUnit } from '../../api-contract';
import { inForceOn, successorProblems, type UnitSuccessor } from '../../domain/units';
import { assertNationalAdmin } from './assert-national-admin';
import { ADMIN_ROLE } from './admin-role';

interface CreateUnitRequest {
  code: string;
  name: string;
  nameEn?: string;
  level: 'province' | 'district' | 'commune';
  parentCode?: string;
  effectiveFrom: string;
}

const LEVEL_DEPTH: Record<UnitDoc['level'], number> = { province: 0, district: 1, commune: 2 };
const field = (path: string, vi: string, en: string) =>
  new ValidationError([{ path, keyword: 'unit', message: { vi, en } }]);

/**
 * Administration of administrative units. Units are never deleted or renamed in place: a reform (such as the 2025
 * one that removed the district level) creates the new units and retires the old ones with their last day in force
 * and a successor, so dossiers and history keep the unit they had. An administrator creates units under a unit they
 * administer and retires units they administer; each change is in the administrative audit log.
 */
export function createUnitAdminRouter(deps: {
  models: Models;
  validateBody: RequestValidator;
  authenticate: RequestHandler;
}): Router {
  const router = Router();
  const { models } = deps;

  router.post('/api/admin/units', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const body = deps.validateBody<CreateUnitRequest>('CreateUnitRequest', req.body);
    if (body.level === 'province') {
      // A province (such as one of the 34 formed on 1 July 2025) sits under no unit: creating one takes a national
      // administrator, since no province's administrator may give itself another province.
      if (body.parentCode !== undefined) {
        throw field('/parentCode', 'Đơn vị cấp tỉnh không có đơn vị cấp trên', 'a province has no parent unit');
      }
      assertNationalAdmin(caller, {
        vi: 'Chỉ quản trị viên cấp quốc gia mới được tạo đơn vị cấp tỉnh',
        en: 'only a national administrator may create a province',
      });
      return created(caller, body, null, res);
    }
    if (body.parentCode === undefined) {
      throw field('/parentCode', 'Hãy chọn đơn vị cấp trên', 'choose the parent unit');
    }
    const parent = await models.Unit.findById(body.parentCode).lean();
    if (!parent) throw field('/parentCode', `Không có đơn vị ${body.parentCode}`, `no unit ${body.parentCode}`);
    await assertAdminOf(models, caller, parent._id);
    if (LEVEL_DEPTH[body.level] <= LEVEL_DEPTH[parent.level]) {
      throw field(
        '/level',
        `Đơn vị cấp ${body.level} không thể trực thuộc đơn vị cấp ${parent.level}`,
        `a ${body.level} cannot sit under a ${parent.level}`,
      );
    }
    if (!inForceOn(parent, body.effectiveFrom)) {
      throw field(
        '/effectiveFrom',
        `Đơn vị cấp trên ${parent.name} không còn hiệu lực vào ngày này`,
        `the parent ${parent.nameEn ?? parent.name} is not in force on that day`,
      );
    }
    return created(caller, body, parent._id, res);
  });

  /** Stores a new unit under `parentCode` (null for a province) and audits it; 409 for a code already taken. */
  async function created(
    caller: ReturnType<typeof authenticatedUser>,
    body: CreateUnitRequest,
    parentCode: string | null,
    res: Response,
  ): Promise<void> {
    const doc: UnitDoc = {
      _id: body.code,
      name: body.name,
      ...(body.nameEn ? { nameEn: body.nameEn } : {}),
      level: body.level,
      parentCode,
      effectiveFrom: body.effectiveFrom,
      effectiveTo: null,
      successorCode: null,
    };
    try {
      await models.Unit.create(doc);
    } catch (error) {
      if (isDuplicateKeyError(error))
        throw new ConflictError(
          { vi: `Mã đơn vị ${body.code} đã có`, en: `unit code ${body.code} is taken` },
          { code: 'unit_code_taken' },
        );
      throw error;
    }
    await recordAdminEvent(models, {
      by: caller.id,
      kind: 'unit.create',
      target: doc._id,
      scope: parentCode ?? doc._id,
      details: { name: doc.name, level: doc.level, parentCode: doc.parentCode, effectiveFrom: doc.effectiveFrom },
    });
    if (parentCode === null) {
      // Nobody administers a new province yet: its creator becomes its first administrator (audited as a grant),
      // so that its communes can be created and its predecessors retired into it.
      const grant = { role: ADMIN_ROLE, unitCode: doc._id };
      await models.User.updateOne({ _id: caller.id }, { $addToSet: { grants: grant } });
      await recordAdminEvent(models, {
        by: caller.id,
        kind: 'user.grant',
        target: caller.id,
        scope: doc._id,
        details: grant,
      });
    }
    res.status(201).json(doc satisfies AdminUnit);
  }

  router.post('/api/admin/units/:code/retire', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const body = deps.validateBody<{ effectiveTo: string; successorCode?: string; successors?: UnitSuccessor[] }>(
      'RetireUnitRequest',
      req.body,
    );
    const code = String(req.params.code);
    const unit = await models.Unit.findById(code).lean();
    if (!unit) throw new NotFoundError(`unit ${code.slice(0, 40)}`);
    await assertAdminOf(models, caller, unit._id);
    const alreadyRetired = (effectiveTo: string | null) =>
      new ConflictError(
        {
          vi: `${unit.name} đã hết hiệu lực từ sau ngày ${effectiveTo}`,
          en: `${unit.nameEn ?? unit.name} was already retired after ${effectiveTo}`,
        },
        { code: 'unit_retired' },
      );
    if (unit.effectiveTo !== null) throw alreadyRetired(unit.effectiveTo);
    if (body.effectiveTo < unit.effectiveFrom) {
      throw field(
        '/effectiveTo',
        `Ngày cuối phải từ ngày ${unit.effectiveFrom} trở đi`,
        `the last day must be on or after ${unit.effectiveFrom}`,
      );
    }
    if (body.successorCode !== undefined && body.successors !== undefined) {
      throw field(
        '/successors',
        'Hãy nêu hoặc một đơn vị kế thừa (successorCode) hoặc danh sách (successors), không cả hai',
        'give either successorCode or successors, not both',
      );
    }
    // One successor code is the list of one, with all the households.
    const successors: UnitSuccessor[] =
      body.successors ?? (body.successorCode !== undefined ? [{ code: body.successorCode, share: 100 }] : []);
    if (successors.length > 0) {
      const found = await models.Unit.find(
        { _id: { $in: successors.map((s) => s.code) } },
        { name: 1, effectiveFrom: 1, effectiveTo: 1 },
      ).lean();
      const problems = successorProblems({ code }, body.effectiveTo, successors, new Map(found.map((u) => [u._id, u])));
      if (problems.length > 0) {
        // The older single-code form keeps its field: /successorCode.
        const at = (path: string) => (body.successors !== undefined ? `/successors${path}` : '/successorCode');
        throw new ValidationError(
          problems.map((p) => ({ path: at(p.path), keyword: 'successor', message: p.message })),
        );
      }
    }
    const children = await models.Unit.find(
      { parentCode: code, $or: [{ effectiveTo: null }, { effectiveTo: { $gt: body.effectiveTo } }] },
      { _id: 1 },
    ).lean();
    if (children.length > 0) {
      throw new ConflictError(
        {
          vi: `Còn ${children.length} đơn vị trực thuộc có hiệu lực sau ngày này; hãy cho chúng hết hiệu lực trước`,
          en: `${children.length} units below it are in force after that day; retire them first`,
        },
        { code: 'unit_has_children' },
      );
    }
    // Conditional on the unit still being in force: of concurrent retirements exactly one is applied and audited.
    const retired = await models.Unit.updateOne(
      { _id: code, effectiveTo: null },
      { $set: { effectiveTo: body.effectiveTo, successorCode: successors[0]?.code ?? null, successors } },
    );
    if (retired.matchedCount === 0)
      throw alreadyRetired((await models.Unit.findById(code, { effectiveTo: 1 }).lean())?.effectiveTo ?? null);
    await recordAdminEvent(models, {
      by: caller.id,
      kind: 'unit.retire',
      target: code,
      scope: unit.parentCode ?? code,
      details: { effectiveTo: body.effectiveTo, successorCode: successors[0]?.code ?? null, successors },
    });
    const retiredUnit = await models.Unit.findById(code).lean();
    if (!retiredUnit) throw new NotFoundError(`unit ${code.slice(0, 40)}`);
    res.json(retiredUnit satisfies AdminUnit);
  });

  return router;
}
