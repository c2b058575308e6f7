import { Router, type RequestHandler } from 'express';
import type { Models } from '../../storage/create-models';
import type { UnitDoc } from '../../storage/unit-schema';
import { authenticatedUser } from '../auth/authenticated-user';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { RequestValidator } from '../validation/create-request-validator';
import { assertAdminOf } from './assert-admin-of';
import { recordAdminEvent } from './record-admin-event';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';
import type { AdminUnit } from '../../api-contract';

interface CreateUnitRequest {
  code: string;
  name: string;
  nameEn?: string;
  level: 'district' | 'commune';
  parentCode: string;
  effectiveFrom: string;
}

const LEVEL_DEPTH: Record<UnitDoc['level'], number> = { province: 0, district: 1, commune: 2 };
const inForceOn = (unit: UnitDoc, date: string) =>
  unit.effectiveFrom <= date && (unit.effectiveTo === null || date <= unit.effectiveTo);
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
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
        `Đơn vị cấp trên ${parent._id} không còn hiệu lực vào ngày này`,
        `the parent ${parent._id} is not in force on that day`,
      );
    }
    const doc: UnitDoc = {
      _id: body.code,
      name: body.name,
      ...(body.nameEn ? { nameEn: body.nameEn } : {}),
      level: body.level,
      parentCode: parent._id,
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
      scope: parent._id,
      details: { name: doc.name, level: doc.level, parentCode: doc.parentCode, effectiveFrom: doc.effectiveFrom },
    });
    res.status(201).json(doc satisfies AdminUnit);
  });

  router.post('/api/admin/units/:code/retire', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const body = deps.validateBody<{ effectiveTo: string; successorCode?: string }>('RetireUnitRequest', req.body);
    const code = String(req.params.code);
    const unit = await models.Unit.findById(code).lean();
    if (!unit) throw new NotFoundError(`unit ${code.slice(0, 40)}`);
    await assertAdminOf(models, caller, unit._id);
    const alreadyRetired = (effectiveTo: string | null) =>
      new ConflictError(
        {
          vi: `Đơn vị ${code} đã hết hiệu lực từ sau ngày ${effectiveTo}`,
          en: `unit ${code} was already retired after ${effectiveTo}`,
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
    if (body.successorCode !== undefined) {
      const successor = body.successorCode === code ? null : await models.Unit.findById(body.successorCode).lean();
      if (!successor || !inForceOn(successor, dayAfter(body.effectiveTo))) {
        throw field(
          '/successorCode',
          'Đơn vị kế thừa phải là đơn vị khác, còn hiệu lực từ ngày hôm sau',
          'the successor must be another unit in force from the next day',
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
      { $set: { effectiveTo: body.effectiveTo, successorCode: body.successorCode ?? null } },
    );
    if (retired.matchedCount === 0)
      throw alreadyRetired((await models.Unit.findById(code, { effectiveTo: 1 }).lean())?.effectiveTo ?? null);
    await recordAdminEvent(models, {
      by: caller.id,
      kind: 'unit.retire',
      target: code,
      scope: unit.parentCode ?? code,
      details: { effectiveTo: body.effectiveTo, successorCode: body.successorCode ?? null },
    });
    const retiredUnit = await models.Unit.findById(code).lean();
    if (!retiredUnit) throw new NotFoundError(`unit ${code.slice(0, 40)}`);
    res.json(retiredUnit satisfies AdminUnit);
  });

  return router;
}
