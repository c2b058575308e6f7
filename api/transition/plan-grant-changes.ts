import type { TransitionReport } from '../../api-contract';
import { vietnamDate } from '../../domain/time/vietnam-date';
import { inForceOn } from '../../domain/units';
import type { Models } from '../../storage/create-models';
import type { TransitionPlanDoc } from '../../storage/transition-plan-schema';
import type { UnitDoc } from '../../storage/unit-schema';
import { ADMIN_ROLE } from '../admin/admin-role';
import { changeGrant } from '../admin/change-grant';
import { knownRoles } from '../admin/known-roles';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ValidationError } from '../errors';
import { transitionProblem, type TransitionProblem } from './transition-problem';

type GrantEntry = TransitionReport['grants'][number];
type Request = Pick<TransitionPlanDoc, 'reformDate'> &
  Partial<Pick<TransitionPlanDoc, 'unitMapping' | 'grantsStart'>> & {
    grantsEnd?: { unitCode: string; username?: string | null; role?: string | null }[];
  };

const field = (path: string, vi: string, en: string) =>
  new ValidationError([{ path, keyword: 'transition', message: { vi, en } }]);

const notInForce = (
  unit: Pick<UnitDoc, 'name' | 'nameEn' | 'effectiveFrom' | 'effectiveTo'>,
  day: string,
): TransitionProblem =>
  transitionProblem(
    'unit_not_in_force',
    `${unit.name} không có hiệu lực vào ngày ${day.split('-').reverse().join('/')}`,
    `${unit.nameEn ?? unit.name} is not in force on ${day}`,
  );

/**
 * The grants a transition plan ends and starts (docs/transition-plans.md), applied through the users API's own code
 * path (changeGrant: one atomic change, audited as `user.revoke` / `user.grant`). A plan touches only grants at
 * units the caller administers (422 at the field otherwise); a grant it starts must be at a unit in force on its
 * start day (inForceOn, the one validity rule), and authorises from that day (actingGrants).
 */
export function planGrantChanges(deps: { models: Models }) {
  const { models } = deps;
  const today = () => vietnamDate(new Date());

  return {
    /** 422 at the field for a unit outside `subtree` or unknown, an unknown user or role, a unit not in force. */
    async check(request: Request, subtree: Set<string>): Promise<void> {
      // A unit by its name where it has one (the code only for a unit that does not exist).
      const outside = async (path: string, code: string) => {
        const unit = await models.Unit.findById(code, { name: 1, nameEn: 1 }).lean();
        const name = { vi: unit?.name ?? `Đơn vị ${code}`, en: unit?.nameEn ?? unit?.name ?? `unit ${code}` };
        return field(path, `${name.vi} không thuộc các đơn vị bạn quản trị`, `${name.en} is not one you administer`);
      };
      for (const [i, g] of (request.grantsEnd ?? []).entries()) {
        if (!subtree.has(g.unitCode)) throw await outside(`/grantsEnd/${i}/unitCode`, g.unitCode);
      }
      const roles = (request.grantsStart ?? []).length > 0 ? await knownRoles(models) : new Set<string>();
      for (const [i, g] of (request.grantsStart ?? []).entries()) {
        const unit = await models.Unit.findById(g.unitCode).lean();
        if (!unit || !subtree.has(g.unitCode)) throw await outside(`/grantsStart/${i}/unitCode`, g.unitCode);
        // In force on its first day and today: a start day in the past does not revive a role at a retired unit.
        const day = g.from > today() ? g.from : today();
        if (!inForceOn(unit, day)) {
          const { message } = notInForce(unit, day);
          throw field(`/grantsStart/${i}/unitCode`, `${message.vi}: không thể giao vai trò`, message.en);
        }
        if (!roles.has(g.role)) {
          throw field(`/grantsStart/${i}/role`, `Vai trò “${g.role}” không tồn tại`, `unknown role “${g.role}”`);
        }
        // The users API's rule: a person is the caller's to grant to when they already hold a role in the caller's
        // units; anyone else reads as unknown (the answer does not tell whether the username exists).
        const user = await models.User.findById(g.username, { grants: 1 }).lean();
        if (!user || !user.grants.some((held) => subtree.has(held.unitCode))) {
          throw field(
            `/grantsStart/${i}/username`,
            'Không có người dùng này trong các đơn vị bạn quản trị',
            'no such user in the units you administer',
          );
        }
      }
    },

    /**
     * The default list of grants to end: every grant at each unit the plan retires (a unit it maps from, or one whose
     * last day is before the reform date) within `subtree`, so that the dry run shows who loses access.
     */
    async proposedEnds(request: Request, subtree: Set<string>): Promise<TransitionPlanDoc['grantsEnd']> {
      const retired = await models.Unit.find(
        { effectiveTo: { $ne: null, $lt: request.reformDate } },
        { _id: 1 },
      ).lean();
      const units = [...new Set([...(request.unitMapping ?? []).map((m) => m.from), ...retired.map((u) => u._id)])]
        .filter((code) => subtree.has(code))
        .sort();
      const held = new Set(await models.User.distinct('grants.unitCode', { 'grants.unitCode': { $in: units } }));
      return units.filter((code) => held.has(code)).map((unitCode) => ({ unitCode, username: null, role: null }));
    },

    /** Every grant the plan ends and starts; with `apply`, carried out one by one (a refused one fails alone). */
    async report(plan: TransitionPlanDoc, caller: AuthenticatedUser, apply: boolean): Promise<GrantEntry[]> {
      const units = new Map(
        (await models.Unit.find({}, { name: 1, nameEn: 1, effectiveFrom: 1, effectiveTo: 1 }).lean()).map((u) => [
          u._id,
          u,
        ]),
      );
      const unitName = (code: string) => units.get(code)?.name ?? code;
      /** Carries one entry out through the users API's code path; `held`: the user holds the role there now. */
      const carry = async (entry: GrantEntry, held: boolean): Promise<GrantEntry> => {
        if (!apply) return entry;
        if (entry.problems.length > 0) return { ...entry, result: 'failed' };
        const ending = entry.change === 'end';
        if (held !== ending) return { ...entry, result: 'unchanged' };
        const changed = await changeGrant(models, {
          by: caller.id,
          kind: ending ? 'revoke' : 'grant',
          username: entry.username,
          grant: { role: entry.role, unitCode: entry.unitCode, ...(!ending && entry.from ? { from: entry.from } : {}) },
          details: { planId: plan._id },
        });
        return { ...entry, result: changed ? (ending ? 'ended' : 'started') : 'unchanged' };
      };
      const entries: GrantEntry[] = [];
      const seen = new Set<string>();
      for (const end of plan.grantsEnd ?? []) {
        const users = await models.User.find(
          { 'grants.unitCode': end.unitCode, ...(end.username ? { _id: end.username } : {}) },
          { displayName: 1, grants: 1 },
        )
          .sort({ _id: 1 })
          .lean();
        for (const user of users) {
          for (const g of user.grants) {
            const key = `${user._id}|${g.role}|${g.unitCode}`;
            if (g.unitCode !== end.unitCode || (end.role && g.role !== end.role) || seen.has(key)) continue;
            seen.add(key);
            const problems =
              user._id === caller.id && g.role === ADMIN_ROLE
                ? [
                    transitionProblem(
                      'own_admin_role',
                      'Không thể tự thu hồi quyền quản trị của mình',
                      'administrators cannot revoke their own admin role',
                    ),
                  ]
                : [];
            const entry: GrantEntry = {
              change: 'end',
              username: user._id,
              displayName: user.displayName,
              role: g.role,
              unitCode: g.unitCode,
              unitName: unitName(g.unitCode),
              from: g.from ?? null,
              problems,
            };
            entries.push(await carry(entry, true));
          }
        }
      }
      for (const start of plan.grantsStart ?? []) {
        const user = await models.User.findById(start.username, { displayName: 1, grants: 1 }).lean();
        const unit = units.get(start.unitCode);
        const problems: TransitionProblem[] = [];
        if (!user) problems.push(transitionProblem('unknown_user', 'Không có người dùng này', 'no such user'));
        if (!unit) problems.push(transitionProblem('unknown_unit', `Không có đơn vị ${start.unitCode}`, 'no unit'));
        else if (!inForceOn(unit, start.from)) problems.push(notInForce(unit, start.from));
        const entry: GrantEntry = {
          change: 'start',
          username: start.username,
          displayName: user?.displayName ?? start.username,
          role: start.role,
          unitCode: start.unitCode,
          unitName: unitName(start.unitCode),
          from: start.from,
          problems,
        };
        const held = Boolean(user?.grants.some((g) => g.role === start.role && g.unitCode === start.unitCode));
        entries.push(await carry(entry, held));
      }
      return entries;
    },
  };
}
