import { Router, type RequestHandler } from 'express';
import type { OverlapRule } from '../../domain/overlap/overlap-rule';
import { overlapRuleProblems } from '../../domain/overlap/overlap-rule-problems';
import type { Models } from '../../storage/create-models';
import type { OverlapRules } from '../../api-contract';
import { assertProvinceAdmin } from '../admin/assert-province-admin';
import { recordAdminEvent } from '../admin/record-admin-event';
import { authenticatedUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { ValidationError } from '../errors';
import type { RequestValidator } from '../validation/create-request-validator';
import type { OverlapRulesStore } from './overlap-rules-store';

const assertRulesAdmin = (models: Models, user: AuthenticatedUser) =>
  assertProvinceAdmin(models, user, {
    vi: 'Cần quyền quản trị cấp tỉnh/thành để xem và sửa quy tắc trùng đối tượng',
    en: 'overlap rules require the admin role of a province',
  });

/**
 * `GET /api/admin/overlap-rules`: the rules in force (the shipped defaults while none are saved);
 * `PUT /api/admin/overlap-rules`: replaces them (422 field by field for a bad rule, nothing saved), recorded in the
 * administrative audit log. A province's administrator only (403). The next creation checks against the new rules.
 */
export function createOverlapAdminRouter(deps: {
  models: Models;
  rules: OverlapRulesStore;
  validateBody: RequestValidator;
  authenticate: RequestHandler;
}): Router {
  const router = Router();
  const { models } = deps;

  router.get('/api/admin/overlap-rules', deps.authenticate, async (req, res) => {
    await assertRulesAdmin(models, authenticatedUser(req));
    res.json((await deps.rules.load()) satisfies OverlapRules);
  });

  router.put('/api/admin/overlap-rules', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    await assertRulesAdmin(models, user);
    const body = deps.validateBody<{ rules: OverlapRule[] }>('OverlapRulesRequest', req.body);
    const problems = overlapRuleProblems(body.rules);
    if (problems.length > 0) {
      throw new ValidationError(problems.map((p) => ({ path: p.path, keyword: 'uniqueRuleId', message: p.message })));
    }
    const at = new Date();
    await deps.rules.save(body.rules, at);
    await recordAdminEvent(models, {
      by: user.id,
      kind: 'overlap_rules.update',
      target: 'overlap-rules',
      scope: null,
      details: { ruleIds: body.rules.map((r) => r.id) },
      at,
    });
    res.json({ rules: body.rules, custom: true } satisfies OverlapRules);
  });
  return router;
}
