import { apiSchemas } from '../../api-contract';
import { apiRoutes } from './api-routes';

const ERROR_TEXT: Record<number, string> = {
  400: 'Malformed request',
  401: 'Not authenticated',
  403: 'Not allowed for this role or unit',
  404: 'Not found',
  409: 'Not allowed in the current state',
  413: 'Body too large',
  415: 'Unsupported media type',
  422: 'Invalid fields (see error.fields)',
  429: 'Too many requests; see Retry-After',
  503: 'A dependency is unavailable; retry later',
};

/** The OpenAPI 3.1 document, generated from the same route table and schemas the API enforces. */
export function createOpenApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of apiRoutes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const params = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (route.idempotent) {
      params.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } } as never);
    }
    for (const [name, { description, ...schema }] of Object.entries(route.query ?? {})) {
      params.push({ name, in: 'query', required: false, description, schema } as never);
    }
    if (route.path === '/api/inbox') {
      params.push({ name: 'limit', in: 'query', required: false, schema: { type: 'integer' } } as never);
      params.push({ name: 'cursor', in: 'query', required: false, schema: { type: 'string' } } as never);
    }
    const ref = (name: string) => (name === 'object' ? { type: 'object' } : { $ref: `#/components/schemas/${name}` });
    const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
    const responses: Record<string, unknown> = {
      [String(route.status ?? 200)]: {
        description: 'OK',
        content:
          route.response === 'binary'
            ? Object.fromEntries((route.media ?? ['application/octet-stream']).map((media) => [media, {}]))
            : json(route.response),
      },
    };
    for (const [status, name] of Object.entries(route.alsoAnswers ?? {})) {
      responses[status] = {
        description: status === '202' ? 'Accepted, still being applied' : 'OK',
        content: json(name!),
      };
    }
    for (const status of route.errors) {
      responses[String(status)] = {
        description: ERROR_TEXT[status] ?? 'Error',
        content: { 'application/json': { schema: ref('Error') } },
      };
    }
    paths[path] = {
      ...paths[path],
      [route.method]: {
        summary: route.summary,
        ...(params.length ? { parameters: params } : {}),
        ...(route.auth ? { security: [{ bearer: [] }] } : {}),
        ...(route.request
          ? { requestBody: { required: true, content: { 'application/json': { schema: ref(route.request) } } } }
          : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Hồ sơ — social-support approval engine API', version },
    components: {
      schemas: apiSchemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    paths,
  };
}
