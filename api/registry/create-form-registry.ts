import type { Models } from '../../storage/create-models';
import { createAjv, createFormValidator, checkFormDefinition, parseFormRef, type FormDefinition } from '../../forms';
import { NotFoundError, ValidationError, type FieldProblem } from '../errors';
import { canonicalDigest } from './canonical-digest';
import { publishImmutable } from './publish-immutable';

export interface FormRegistry {
  /** A published form version; 404 when it is not published. */
  get(ref: string): Promise<FormDefinition>;
  /** Field problems of `data` against the published form `ref` (empty when valid). Compiles once per version. */
  validate(ref: string, data: unknown): Promise<FieldProblem[]>;
  /** Every published `key@version`. */
  publishedRefs(): Promise<Set<string>>;
  /**
   * Checks and publishes a form version; identical republish is a no-op, different content is 409 (see
   * publishImmutable).
   */
  publish(definition: FormDefinition, publishedBy: string): Promise<{ ref: string; created: boolean }>;
}

/** Published forms never change: each is cached once read, with its compiled validator. */
export function createFormRegistry(deps: { models: Models }): FormRegistry {
  const { FormDefinition: Forms } = deps.models;
  const cache = new Map<string, FormDefinition>();
  const validator = createFormValidator(createAjv());

  const registry: FormRegistry = {
    async get(ref) {
      const cached = cache.get(ref);
      if (cached) return cached;
      try {
        parseFormRef(ref);
      } catch {
        throw new NotFoundError(`form ${ref.slice(0, 80)}`);
      }
      const doc = await Forms.findById(ref).lean();
      if (!doc) throw new NotFoundError(`form ${ref}`);
      const form = JSON.parse(doc.json) as FormDefinition;
      cache.set(ref, form);
      return form;
    },
    async validate(ref, data) {
      const result = validator.validate(await registry.get(ref), data);
      return result.valid ? [] : result.errors.map((e) => ({ path: e.path, keyword: e.keyword, message: e.message }));
    },
    async publishedRefs() {
      const docs = await Forms.find({}, { _id: 1 }).lean();
      return new Set(docs.map((d) => d._id));
    },
    async publish(definition, publishedBy) {
      const check = checkFormDefinition(definition);
      if (!check.ok) {
        throw new ValidationError(
          check.problems.map((p) => ({
            path: p.path,
            keyword: 'definition',
            message: { vi: p.message, en: p.message },
          })),
          { vi: 'Định nghĩa biểu mẫu không hợp lệ', en: 'Invalid form definition' },
        );
      }
      const ref = `${definition.key}@${definition.version}`;
      const digest = canonicalDigest(definition);
      return publishImmutable({
        ref,
        digest,
        what: { vi: 'Biểu mẫu', en: 'form' },
        stored: () => Forms.findById(ref, { digest: 1 }).lean(),
        insert: () =>
          Forms.create({
            _id: ref,
            key: definition.key,
            version: definition.version,
            json: JSON.stringify(definition),
            digest,
            publishedAt: new Date(),
            publishedBy,
          }),
      });
    },
  };
  return registry;
}
