import { Router, type RequestHandler } from 'express';
import type { Models } from '../../storage/create-models';
import type { RoleGrant, UserDoc } from '../../storage/user-schema';
import { authenticatedUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { hashPassword, type ScryptParams } from '../auth/hash-password';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { checkedParameters } from '../validation/checked-parameters';
import { ADMIN_ROLE } from './admin-role';
import type { RequestValidator } from '../validation/create-request-validator';
import { administeredSubtree } from './administered-subtree';
import type { UnitValidity } from '../units/create-unit-validity';
import { assertAdminOf } from './assert-admin-of';
import { knownRoles } from './known-roles';
import { recordAdminEvent } from './record-admin-event';
import { changeGrant } from './change-grant';
import { isDuplicateKeyError } from '../../storage/is-duplicate-key-error';
import { oidcSubjectOf } from '../auth/oidc/oidc-subject-of';
import type { AdminEventList, AdminUser, AdminUserList } from '../../api-contract';
import { roleName } from '../../domain/roles';

interface CreateUserRequest {
  username: string;
  displayName: string;
  displayNameEn?: string;
  password: string;
  grants: RoleGrant[];
}

/** What the API shows of a user: never the password hash. */
const present = (user: UserDoc): AdminUser => ({
  id: user._id,
  displayName: user.displayName,
  ...(user.displayNameEn ? { displayNameEn: user.displayNameEn } : {}),
  active: user.active,
  locked: Boolean(user.lockedAt),
  grants: user.grants,
});

/** 422 at `at` for a password equal to the username (the schema already asks for 12 characters or more). */
const checkPassword = (password: string, username: string, at: string) => {
  if (password.trim().toLowerCase() === username.toLowerCase()) {
    throw new ValidationError([
      {
        path: at,
        keyword: 'notUsername',
        message: {
          vi: 'Mật khẩu không được trùng với tên đăng nhập',
          en: 'the password must not be the username',
        },
      },
    ]);
  }
};

/**
 * Administration of users and their role grants. An administrator manages the grants in units at or below the units
 * they administer, and sees the users holding such grants. Every change is appended to the administrative audit log
 * (`admin_events`, readable through `GET /api/admin/events`); deactivating a user ends their sessions.
 */
export function createUserAdminRouter(deps: {
  models: Models;
  validateBody: RequestValidator;
  authenticate: RequestHandler;
  /** The OpenID provider's issuer when single sign-on is on (links are made to it); see api/auth/oidc. */
  oidcIssuer?: string | undefined;
  /** Roles are granted only at units in force today (422 at the grant's unitCode otherwise). */
  unitValidity: UnitValidity;
  /** The cost of the hashes of passwords set here; SCRYPT_PARAMS when absent. */
  passwordParams?: ScryptParams;
}): Router {
  const router = Router();
  const { models } = deps;

  /** 422 for a role nobody defines; 403 for a unit outside the caller's administration; 404 for an unknown unit. */
  const checkGrants = async (user: AuthenticatedUser, grants: RoleGrant[], at: string) => {
    const roles = await knownRoles(models);
    const named = (lang: 'vi' | 'en') => [...roles].map((role) => roleName(role, lang)).join(', ');
    const problems = grants.flatMap((grant, i) =>
      roles.has(grant.role)
        ? []
        : [
            {
              path: `${at}/${i}/role`,
              keyword: 'enum',
              message: {
                vi: `Vai trò “${grant.role}” không tồn tại (có: ${named('vi')})`,
                en: `unknown role “${grant.role}” (known: ${named('en')})`,
              },
            },
          ],
    );
    if (problems.length > 0) throw new ValidationError(problems);
    for (const grant of grants) await assertAdminOf(models, user, grant.unitCode);
    // A role at a retired unit would authorise nothing: refused, naming the unit (422 at the grant's unitCode).
    // A grant with a start day (`from`) must be at a unit in force on that day, and today when the day is past (a
    // start day in the past does not revive a role at a retired unit).
    const today = deps.unitValidity.today();
    const dayOf = (g: RoleGrant) => (g.from ? (g.from > today ? g.from : today) : undefined);
    const retired = await Promise.all(grants.map((g) => deps.unitValidity.retired([g.unitCode], dayOf(g))));
    const stale = grants.flatMap((grant, i) => {
      const unit = retired[i]![0];
      if (!unit) return [];
      const why = deps.unitValidity.describe(unit, dayOf(grant));
      return [
        {
          // One grant in the body (POST …/grants) is the body itself.
          path: at === '' ? '/unitCode' : `${at}/${i}/unitCode`,
          keyword: 'unitInForce',
          message: {
            vi: `${why.vi}: không thể giao vai trò tại đơn vị này`,
            en: `${why.en}: no role can be granted there`,
          },
        },
      ];
    });
    if (stale.length > 0) throw new ValidationError(stale);
  };

  /**
   * The user, if the caller may act on the account itself (password, activation): every unit the user holds a grant
   * in must be in the caller's administration, so a lower administrator cannot take over a higher one's account. A
   * user with no grants left is managed by province administrators only. `scope: 'grant'` asks less: one grant in
   * the caller's administration (the grant changed is checked on its own).
   */
  const managedUser = async (
    caller: AuthenticatedUser,
    id: string,
    scope: 'account' | 'grant' = 'account',
  ): Promise<UserDoc> => {
    const user = await models.User.findById(id).lean();
    const subtree = await administeredSubtree(models, caller);
    const inScope = (code: string) => subtree.has(code);
    const visible =
      user &&
      (user.grants.some((g) => inScope(g.unitCode)) ||
        (user.grants.length === 0 && (await administersProvince(caller))));
    if (!user || !visible) throw new NotFoundError(`user ${id.slice(0, 60)}`);
    if (scope === 'account' && !user.grants.every((g) => inScope(g.unitCode))) {
      throw new ForbiddenError({
        vi: 'Người dùng có vai trò ở đơn vị ngoài quyền quản trị của bạn',
        en: 'the user holds roles in units outside your administration',
      });
    }
    return user;
  };
  const administersProvince = async (caller: AuthenticatedUser) => {
    const adminUnits = caller.grants.filter((g) => g.role === ADMIN_ROLE).map((g) => g.unitCode);
    return (
      adminUnits.length > 0 && (await models.Unit.countDocuments({ _id: { $in: adminUnits }, level: 'province' })) > 0
    );
  };
  const scopeOf = (user: UserDoc, fallback: string | null = null) => user.grants[0]?.unitCode ?? fallback;

  router.get('/api/admin/users', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const subtree = await administeredSubtree(models, caller);
    const query = checkedParameters<{ unit: string; q: string; limit: number }>(req).query;
    const unit = query.unit;
    const q = (query.q ?? '').trim().toLowerCase();
    const units = unit ? (subtree.has(unit) ? [unit] : []) : [...subtree];
    const pattern = new RegExp(q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
    const filter = {
      'grants.unitCode': { $in: units },
      ...(q ? { $or: [{ _id: pattern }, { displayName: pattern }] } : {}),
    };
    const limit = query.limit ?? 200;
    const docs = await models.User.find(filter)
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean();
    res.json({ items: docs.slice(0, limit).map(present), truncated: docs.length > limit } satisfies AdminUserList);
  });

  router.post('/api/admin/users', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const body = deps.validateBody<CreateUserRequest>('CreateUserRequest', req.body);
    checkPassword(body.password, body.username, '/password');
    await checkGrants(caller, body.grants, '/grants');
    const doc: UserDoc = {
      _id: body.username,
      displayName: body.displayName,
      ...(body.displayNameEn ? { displayNameEn: body.displayNameEn } : {}),
      passwordHash: await hashPassword(body.password, deps.passwordParams),
      grants: body.grants,
      active: true,
    };
    try {
      await models.User.create(doc);
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw new ConflictError(
          { vi: `Tên đăng nhập ${body.username} đã có`, en: `username ${body.username} is taken` },
          { code: 'username_taken' },
        );
      }
      throw error;
    }
    await recordAdminEvent(models, {
      by: caller.id,
      kind: 'user.create',
      target: doc._id,
      scope: scopeOf(doc),
      details: { grants: doc.grants },
    });
    res.status(201).json(present(doc));
  });

  router.post('/api/admin/users/:id/grants', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const grant = deps.validateBody<RoleGrant>('RoleGrantRequest', req.body);
    const user = await managedUser(caller, String(req.params.id), 'grant');
    await checkGrants(caller, [grant], '');
    await changeGrant(models, { by: caller.id, kind: 'grant', username: user._id, grant });
    res.json(present((await models.User.findById(user._id).lean())!));
  });

  router.post('/api/admin/users/:id/grants/revoke', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const grant = deps.validateBody<RoleGrant>('RoleGrantRequest', req.body);
    const user = await managedUser(caller, String(req.params.id), 'grant');
    await assertAdminOf(models, caller, grant.unitCode);
    if (user._id === caller.id && grant.role === 'admin') {
      throw new ConflictError(
        { vi: 'Không thể tự thu hồi quyền quản trị của mình', en: 'administrators cannot revoke their own admin role' },
        { code: 'own_admin_role' },
      );
    }
    await changeGrant(models, { by: caller.id, kind: 'revoke', username: user._id, grant });
    res.json(present((await models.User.findById(user._id).lean())!));
  });

  for (const [action, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    router.post(`/api/admin/users/:id/${action}`, deps.authenticate, async (req, res) => {
      const caller = authenticatedUser(req);
      const user = await managedUser(caller, String(req.params.id));
      if (!active && user._id === caller.id) {
        throw new ConflictError(
          { vi: 'Không thể tự khóa tài khoản của mình', en: 'administrators cannot deactivate themselves' },
          { code: 'own_account' },
        );
      }
      // Conditional on the opposite state: of concurrent identical requests exactly one changes it and is audited;
      // the others (like a later repeat) find the state they asked for and answer it.
      const changed = await models.User.updateOne({ _id: user._id, active: !active }, { $set: { active } });
      if (changed.modifiedCount === 1) {
        await recordAdminEvent(models, {
          by: caller.id,
          kind: active ? 'user.activate' : 'user.deactivate',
          target: user._id,
          scope: scopeOf(user),
        });
      }
      // Every deactivation request ends the sessions, also one that lost the race: a session opened in between ends
      // too.
      if (!active) await models.Session.deleteMany({ userId: user._id });
      res.json(present({ ...user, active }));
    });
  }

  router.post('/api/admin/users/:id/password', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const body = deps.validateBody<{ password: string }>('SetPasswordRequest', req.body);
    const user = await managedUser(caller, String(req.params.id));
    checkPassword(body.password, user._id, '/password');
    // Sessions end first: should the update fail, no old session (perhaps someone else's) outlives the reset.
    await models.Session.deleteMany({ userId: user._id });
    // Conditional on the hash read above: of concurrent resets exactly one sets its password (and is audited); the
    // others would silently overwrite it, so they are refused and the administrator sees the password was just set.
    const reset = await models.User.updateOne(
      { _id: user._id, passwordHash: user.passwordHash },
      { $set: { passwordHash: await hashPassword(body.password, deps.passwordParams) } },
    );
    if (reset.matchedCount === 0) {
      throw new ConflictError(
        {
          vi: `Mật khẩu của ${user._id} vừa được người khác đặt lại; hãy kiểm tra trước khi đặt lại lần nữa`,
          en: `the password of ${user._id} was reset by someone else meanwhile; check before resetting it again`,
        },
        { code: 'password_changed' },
      );
    }
    await recordAdminEvent(models, { by: caller.id, kind: 'user.password', target: user._id, scope: scopeOf(user) });
    res.json(present(user));
  });

  router.post('/api/admin/users/:id/names', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const body = deps.validateBody<{ displayName: string; displayNameEn: string | null }>(
      'SetUserNamesRequest',
      req.body,
    );
    const user = await managedUser(caller, String(req.params.id));
    const displayNameEn = body.displayNameEn ?? undefined;
    const changed = await models.User.updateOne(
      { _id: user._id },
      displayNameEn
        ? { $set: { displayName: body.displayName, displayNameEn } }
        : { $set: { displayName: body.displayName }, $unset: { displayNameEn: 1 } },
    );
    // The names are personal data: the audit record says that they changed, not what they are.
    if (changed.modifiedCount === 1) {
      await recordAdminEvent(models, { by: caller.id, kind: 'user.names', target: user._id, scope: scopeOf(user) });
    }
    const { displayNameEn: _old, ...rest } = user;
    res.json(present({ ...rest, displayName: body.displayName, ...(displayNameEn ? { displayNameEn } : {}) }));
  });

  router.post('/api/admin/users/:id/oidc-link', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const body = deps.validateBody<{ subject: string | null }>('SetOidcLinkRequest', req.body);
    const user = await managedUser(caller, String(req.params.id));
    if (!deps.oidcIssuer) {
      throw new ConflictError(
        { vi: 'Đăng nhập một cửa chưa được cấu hình', en: 'single sign-on is not configured' },
        { code: 'oidc_off' },
      );
    }
    const oidcSubject = body.subject === null ? undefined : oidcSubjectOf(deps.oidcIssuer, body.subject);
    const taken = new ConflictError(
      {
        vi: 'Tài khoản một cửa này đã được liên kết với người dùng khác',
        en: 'this single sign-on account is already linked to another user',
      },
      { code: 'oidc_taken' },
    );
    // The unique index keeps one holder whatever happens; the read first gives the usual answer a 409 (FerretDB
    // refuses a duplicate in an update with another error than E11000: a lost race there is a 500, never two links).
    if (oidcSubject && (await models.User.exists({ oidcSubject, _id: { $ne: user._id } }))) throw taken;
    try {
      await models.User.updateOne(
        { _id: user._id },
        oidcSubject ? { $set: { oidcSubject } } : { $unset: { oidcSubject: 1 } },
      );
    } catch (error) {
      if (isDuplicateKeyError(error)) throw taken;
      throw error;
    }
    await recordAdminEvent(models, {
      by: caller.id,
      kind: 'user.oidc_link',
      target: user._id,
      scope: scopeOf(user),
      details: { linked: oidcSubject !== undefined },
    });
    res.json(present(user));
  });

  router.post('/api/admin/users/:id/unlock', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const user = await managedUser(caller, String(req.params.id));
    // Conditional on the lock: of concurrent unlocks exactly one is audited; the others answer the same state.
    const unlocked = await models.User.updateOne(
      { _id: user._id, lockedAt: { $ne: null } },
      { $set: { lockedAt: null, failedLogins: 0 } },
    );
    if (unlocked.modifiedCount === 1) {
      await recordAdminEvent(models, { by: caller.id, kind: 'user.unlock', target: user._id, scope: scopeOf(user) });
    }
    res.json(present({ ...user, lockedAt: null, failedLogins: 0 }));
  });

  router.post('/api/admin/users/:id/sessions/revoke', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const user = await managedUser(caller, String(req.params.id));
    const ended = await models.Session.deleteMany({ userId: user._id });
    await recordAdminEvent(models, {
      by: caller.id,
      kind: 'user.sessions_revoke',
      target: user._id,
      scope: scopeOf(user),
      details: { sessions: ended.deletedCount },
    });
    res.json(present(user));
  });

  router.get('/api/admin/events', deps.authenticate, async (req, res) => {
    const caller = authenticatedUser(req);
    const subtree = await administeredSubtree(models, caller);
    const limit = checkedParameters<{ limit: number }>(req).query.limit ?? 100;
    const docs = await models.AdminEvent.find({ $or: [{ scope: { $in: [...subtree] } }, { scope: null }] })
      .sort({ at: -1 })
      .limit(limit)
      .lean();
    res.json({
      items: docs.map(({ _id, at, ...event }) => ({ id: _id, at: at.toISOString(), ...event })),
    } satisfies AdminEventList);
  });

  return router;
}
