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
      if (route.response === 'binary') expect(Object.keys(ok)).toEqual(route.media);
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
});
