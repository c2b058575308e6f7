import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { apiSchemas, responseSchemas } from '../../../../api-contract';
import { apiRoutes } from '../../../../api/openapi/api-routes';
import { createOpenApiDocument } from '../../../../api/openapi/create-openapi-document';

const document = createOpenApiDocument('test') as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: any }> }> }>>;
};

describe('the OpenAPI document built from api-contract/', () => {
  it.each(Object.keys(apiSchemas))('publishes %s as a schema strict ajv compiles', (name) => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    addFormats(ajv, ['date', 'date-time']);
    ajv.addFormat('unit-code', /^[A-Z0-9-]+$/);
    expect(() => ajv.compile(apiSchemas[name as keyof typeof apiSchemas])).not.toThrow();
  });

  it('closes every response object, so an undocumented field is a mismatch', () => {
    const open: string[] = [];
    const visit = (schema: unknown, at: string) => {
      if (!schema || typeof schema !== 'object') return;
      const s = schema as Record<string, unknown>;
      const isObject = s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object'));
      if (isObject && s.properties && s.additionalProperties !== false) open.push(at);
      for (const [key, value] of Object.entries(s)) visit(value, `${at}/${key}`);
    };
    for (const [name, schema] of Object.entries(responseSchemas)) visit(schema, name);
    expect(open).toEqual([]);
  });

  it('refers every JSON answer of the route table to a published schema, and documents its status', () => {
    for (const route of apiRoutes) {
      const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      const responses = document.paths[path]![route.method]!.responses;
      const ok = responses[String(route.status ?? 200)]!.content!;
      if (route.response === 'empty') expect(ok).toBeUndefined();
      else if (route.response === 'binary') expect(Object.keys(ok)).toEqual(route.media);
      else if (route.response !== 'object') {
        expect(ok['application/json']!.schema).toEqual({ $ref: `#/components/schemas/${route.response}` });
      }
      for (const [status, name] of Object.entries(route.alsoAnswers ?? {})) {
        expect(responses[status]!.content!['application/json']!.schema).toEqual({
          $ref: `#/components/schemas/${name}`,
        });
      }
    }
  });

  it('says when to try again on every 429', () => {
    const throttled = Object.values(document.paths as Record<string, Record<string, { responses: any }>>).flatMap(
      (operations) => Object.values(operations).flatMap((op) => (op.responses['429'] ? [op.responses['429']] : [])),
    );
    expect(throttled.length).toBeGreaterThanOrEqual(2);
    for (const response of throttled) {
      expect(response.headers).toEqual({
        'Retry-After': expect.objectContaining({ required: true, schema: { type: 'integer', minimum: 1 } }),
      });
    }
  });

  it('publishes every path and query parameter of the route table with the range the API checks', () => {
    const operations = document.paths as unknown as Record<string, Record<string, { parameters?: any[] }>>;
    for (const route of apiRoutes) {
      const published = operations[route.path.replace(/:([A-Za-z]+)/g, '{$1}')]![route.method]!.parameters ?? [];
      const names = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
      expect(Object.keys(route.params ?? {}).sort()).toEqual([...names].sort());
      for (const [at, declared] of [
        ['path', route.params ?? {}],
        ['query', route.query ?? {}],
      ] as const) {
        for (const [name, { description, required: _required, ...schema }] of Object.entries(declared)) {
          expect(published).toContainEqual(expect.objectContaining({ name, in: at, description, schema }));
        }
      }
      for (const p of published.filter((p) => p.in === 'query' || p.in === 'path')) {
        const s = p.schema;
        // Bounded before any work: every string has a pattern, an enum or a maxLength; every integer a range.
        if (s.type === 'string') expect(s.pattern ?? s.enum ?? s.maxLength).toBeDefined();
        if (s.type === 'integer') expect([s.minimum, s.maximum]).toEqual([expect.any(Number), expect.any(Number)]);
      }
    }
  });

  it('documents the Idempotency-Key header with its pattern, and the raw body of an upload', () => {
    const operations = document.paths as unknown as Record<string, Record<string, any>>;
    const create = operations['/api/dossiers']!.post;
    expect(create.parameters).toContainEqual(
      expect.objectContaining({
        name: 'Idempotency-Key',
        in: 'header',
        schema: { type: 'string', pattern: '^[\\x21-\\x7e]{8,200}$' },
      }),
    );
    expect(Object.keys(operations['/api/files']!.post.requestBody.content)).toEqual([
      'image/jpeg',
      'image/png',
      'image/webp',
      'application/pdf',
    ]);
    expect(Object.keys(operations['/api/files']!.post.responses)).toEqual(
      expect.arrayContaining(['201', '401', '413', '415', '422']),
    );
  });
});
