import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ApiResponse } from './api-client';

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: any }> }> }>>;
  components: { schemas: Record<string, object> };
}

/**
 * Checks real answers against a published OpenAPI document: the operation must exist, must document the status and
 * the answer's content type for it, and a JSON answer must validate against the schema published for that status
 * (strict ajv, `format`s checked; union types such as `["string", "null"]` allowed, as JSON Schema allows them).
 * Each mismatch is a readable line; an empty list means every answer conformed.
 */
export function createOpenApiConformance(document: OpenApiDocument) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv, ['date', 'date-time']);
  const compiled = new Map<string, ValidateFunction>();
  const operations = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    params: (template.match(/\{/g) ?? []).length,
  }));
  const problems: string[] = [];
  const checked = new Set<string>();

  const validatorOf = (schema: { $ref?: string } & object): ValidateFunction => {
    const name = schema.$ref?.replace('#/components/schemas/', '') ?? JSON.stringify(schema);
    let validate = compiled.get(name);
    if (!validate) {
      const target = schema.$ref ? document.components.schemas[name] : schema;
      if (!target) throw new Error(`no component ${name}`);
      validate = ajv.compile({ $id: `urn:hoso:openapi-test:${compiled.size}`, ...target });
      compiled.set(name, validate);
    }
    return validate;
  };

  return {
    /** Records the answer's mismatches, if any; returns the answer unchanged. */
    check<T>(method: string, url: string, res: ApiResponse<T>): ApiResponse<T> {
      const path = url.split('?')[0]!;
      const operation = operations
        .filter((o) => o.pattern.test(path) && document.paths[o.template]![method.toLowerCase()])
        .sort((a, b) => a.params - b.params)[0];
      const where = `${method} ${path} → ${res.status}`;
      if (!operation) {
        problems.push(`${where}: no such operation in the document`);
        return res;
      }
      const documented = document.paths[operation.template]![method.toLowerCase()]!.responses[String(res.status)];
      checked.add(`${method.toUpperCase()} ${operation.template} ${res.status}`);
      if (!documented) {
        problems.push(`${where}: status not documented`);
        return res;
      }
      const media = res.headers.get('content-type')?.split(';')[0]?.trim();
      if (documented.content && media && !(media in documented.content)) {
        problems.push(`${where}: content type ${media} not documented (${Object.keys(documented.content).join(', ')})`);
        return res;
      }
      const schema = documented.content?.['application/json']?.schema;
      if (!schema) return res;
      const validate = validatorOf(schema);
      if (!validate(res.body)) {
        const errors = (validate.errors ?? []).map(
          (e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`,
        );
        problems.push(`${where}: ${errors.join('; ')}`);
      }
      return res;
    },
    problems: () => [...problems],
    /** `METHOD /template status` of every answer checked. */
    checked: () => [...checked].sort(),
    /** `METHOD /template` of every documented operation no checked answer came from. */
    unexercised: () =>
      Object.entries(document.paths)
        .flatMap(([template, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${template}`))
        .filter((op) => ![...checked].some((c) => c.startsWith(`${op} `)))
        .sort(),
  };
}
