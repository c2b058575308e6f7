import { Router, type RequestHandler } from 'express';
import type { Models } from '../../storage/create-models';
import type { FormDefinition } from '../../forms';
import { authenticatedUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { NotFoundError } from '../errors';
import { assertProvinceAdmin } from './assert-province-admin';
import { isNationalAdmin } from './assert-national-admin';
import type { FormRegistry } from '../registry/create-form-registry';
import type { ProcessRegistry } from '../registry/create-process-registry';
import { checkedParameters } from '../validation/checked-parameters';
import type { DefinitionVersion } from '../registry/create-registry-router';
import { recordAdminEvent } from './record-admin-event';
import { structuralDiff } from '../../forms/structural-diff';
import { assertNoUnsafeText } from '../validation/assert-no-unsafe-text';
import type { DefinitionDiff, PublishedVersionList, PublishResult } from '../../api-contract';

/** Publishing changes every province's processes: a province's administrator only (see assertProvinceAdmin). */
const assertRegistryAdmin = (models: Models, user: AuthenticatedUser) =>
  assertProvinceAdmin(models, user, {
    vi: 'Cần quyền quản trị cấp tỉnh/thành để công bố quy trình và biểu mẫu',
    en: 'publishing processes and forms requires the admin role of a province',
  });

/**
 * Administration of the registry: every published version of the forms and processes, publishing a new version
 * (checked by the registry: 422 per problem, 409 for different content under a published key@version, 200 for an
 * identical republish) and the structural diff of a version against another (by default the previous one), which
 * is what an administrator reviews before publishing. Publications are in the administrative audit log.
 */
export function createRegistryAdminRouter(deps: {
  models: Models;
  processes: ProcessRegistry;
  forms: FormRegistry;
  authenticate: RequestHandler;
}): Router {
  const router = Router();
  const { models } = deps;

  router.get('/api/admin/forms', deps.authenticate, async (req, res) => {
    await assertRegistryAdmin(models, authenticatedUser(req));
    const docs = await models.FormDefinition.find({}).sort({ key: 1, version: -1 }).lean();
    res.json({
      items: docs.map((doc) => {
        const form = JSON.parse(doc.json) as FormDefinition;
        return {
          key: doc.key,
          version: doc.version,
          title: form.title,
          publishedAt: doc.publishedAt.toISOString(),
          publishedBy: doc.publishedBy,
        };
      }),
    } satisfies PublishedVersionList);
  });

  router.get('/api/admin/processes', deps.authenticate, async (req, res) => {
    // Read by a national administrator too: their transition plans name the versions whose offered dates change.
    const caller = authenticatedUser(req);
    if (!isNationalAdmin(caller)) await assertRegistryAdmin(models, caller);
    const docs = await models.ProcessDefinition.find({}).sort({ key: 1, version: -1 }).lean();
    res.json({
      items: docs.map((doc) => ({
        key: doc.key,
        version: doc.version,
        title: doc.definition.title,
        programme: doc.programme,
        publishedAt: doc.publishedAt.toISOString(),
        publishedBy: doc.publishedBy,
      })),
    } satisfies PublishedVersionList);
  });

  router.post('/api/admin/forms', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    await assertRegistryAdmin(models, user);
    assertNoUnsafeText(req.body);
    const published = await deps.forms.publish(req.body as FormDefinition, user.id);
    if (published.created)
      await recordAdminEvent(models, { by: user.id, kind: 'form.publish', target: published.ref, scope: null });
    res.status(published.created ? 201 : 200).json(published satisfies PublishResult);
  });

  router.post('/api/admin/processes', deps.authenticate, async (req, res) => {
    const user = authenticatedUser(req);
    await assertRegistryAdmin(models, user);
    assertNoUnsafeText(req.body);
    const published = await deps.processes.publish(req.body, user.id);
    if (published.created)
      await recordAdminEvent(models, { by: user.id, kind: 'process.publish', target: published.ref, scope: null });
    res.status(published.created ? 201 : 200).json(published satisfies PublishResult);
  });

  /** `?against=N`, or the newest version below `version`; 404 when there is none to compare with. */
  const againstOf = async (
    key: string,
    version: number,
    against: number | undefined,
    versions: (key: string) => Promise<number[]>,
  ) => {
    if (against !== undefined) return against;
    const older = (await versions(key)).filter((v) => v < version).sort((a, b) => b - a)[0];
    if (older === undefined) throw new NotFoundError(`a version of ${key} before ${version}`);
    return older;
  };

  router.get('/api/admin/forms/:key/:version/diff', deps.authenticate, async (req, res) => {
    await assertRegistryAdmin(models, authenticatedUser(req));
    const { path, query } = checkedParameters<{ against: number }, DefinitionVersion>(req);
    const { key, version } = path;
    const after = await deps.forms.get(`${key}@${version}`);
    const against = await againstOf(key, version, query.against, async (k) =>
      (await models.FormDefinition.find({ key: k }, { version: 1 }).lean()).map((d) => d.version),
    );
    const before = await deps.forms.get(`${key}@${against}`);
    res.json({
      from: `${key}@${against}`,
      to: `${key}@${version}`,
      changes: structuralDiff(before, after),
    } satisfies DefinitionDiff);
  });

  router.get('/api/admin/processes/:key/:version/diff', deps.authenticate, async (req, res) => {
    await assertRegistryAdmin(models, authenticatedUser(req));
    const { path, query } = checkedParameters<{ against: number }, DefinitionVersion>(req);
    const { key, version } = path;
    const after = await deps.processes.get(key, version);
    const against = await againstOf(key, version, query.against, async (k) =>
      (await models.ProcessDefinition.find({ key: k }, { version: 1 }).lean()).map((d) => d.version),
    );
    const before = await deps.processes.get(key, against);
    res.json({
      from: `${key}@${against}`,
      to: `${key}@${version}`,
      changes: structuralDiff(before, after),
    } satisfies DefinitionDiff);
  });

  return router;
}
