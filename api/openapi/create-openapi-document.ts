import { apiSchemas } from '../../api-contract';
import { customFormats } from '../../forms/custom-formats';
import { boundedDateFormats } from '../../forms/bounded-date-formats';
import { IDEMPOTENCY_KEY_PATTERN } from '../idempotency/idempotency-key-pattern';
import type { ApiParameter } from './api-parameter';
import { apiRoutes, type ApiRoute } from './api-routes';

const ERROR_TEXT: Record<number, string> = {
  400: 'Malformed request (a body that is not JSON, a path that is not valid percent-encoding)',
  401: 'Not authenticated',
  403: 'Not allowed for this role or unit',
  404: 'Not found',
  409: 'Not allowed in the current state',
  410: 'Gone for good (an embed token whose unit is no longer in force)',
  413: 'Body too large',
  415: 'Unsupported media type',
  422: 'Invalid fields (see error.fields: /query/<name>, /path/<name>, /headers/<name> or a pointer into the body)',
  429: 'Too many requests; see Retry-After',
  503: 'A dependency is unavailable; retry later',
};

/** Every 429 says when to try again. */
const RETRY_AFTER = {
  description: 'Seconds to wait before trying again',
  required: true,
  schema: { type: 'integer', minimum: 1 },
};

/** The media types `POST /api/files` takes as its raw body (see createFileRouter). */
const UPLOAD_MEDIA = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];

/**
 * The statuses a route can answer besides its own list: 422 for any declared parameter or JSON body (checked
 * before the handler), 400 for a path parameter that is not valid percent-encoding or a body that is not JSON, 413
 * for a JSON body over 1 MB, 401 and 403 for an authenticated route.
 */
function statusesOf(route: ApiRoute): number[] {
  const statuses = new Set(route.errors);
  const hasParams = Object.keys(route.params ?? {}).length > 0;
  const hasQuery = Object.keys(route.query ?? {}).length > 0;
  if (hasParams || hasQuery || route.request || route.idempotent) statuses.add(422);
  if (hasParams || route.request) statuses.add(400);
  if (route.request) statuses.add(413);
  // 403 too: a provider's token whose account no administrator linked here (api/auth/oidc) is refused on any route.
  if (route.auth) statuses.add(401).add(403);
  return [...statuses].sort((a, b) => a - b);
}

const parameterOf = (name: string, at: 'path' | 'query', { description, required, ...schema }: ApiParameter) => ({
  name,
  in: at,
  required: at === 'path' || required === true,
  description,
  schema,
});

/**
 * The contract's schemas as published: a project format (`unit-code`, `cccd`, `vn-phone`) also carries its regular
 * expression as `pattern`, and so does `date` (the project's bounded dates, 1900–2100, forms/bounded-date-formats.ts),
 * so a client or a fuzzer that does not know the format or its bounds still knows what is accepted.
 */
function withFormatPatterns(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withFormatPatterns);
  if (!schema || typeof schema !== 'object') return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, withFormatPatterns(value)]));
  const format = (schema as { format?: unknown }).format;
  if (typeof format === 'string' && format in customFormats && out.pattern === undefined) {
    out.pattern = customFormats[format as keyof typeof customFormats].source;
  }
  if (format === 'date' && out.pattern === undefined) out.pattern = boundedDateFormats.date.source;
  return out;
}

/**
 * The OpenAPI 3.1 document, generated from the same route table and schemas the API enforces: every path and query
 * parameter with its range (createParameterValidator checks the same declarations), every request body (JSON, or
 * the raw bytes of an upload), every status a route answers with the one error schema, binary answers by media type.
 */
export function createOpenApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const ref = (name: string) => (name === 'object' ? { type: 'object' } : { $ref: `#/components/schemas/${name}` });
  const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
  for (const route of apiRoutes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters: object[] = [
      ...Object.entries(route.params ?? {}).map(([name, p]) => parameterOf(name, 'path', p)),
      ...Object.entries(route.query ?? {}).map(([name, p]) => parameterOf(name, 'query', p)),
    ];
    if (route.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: route.idempotent === 'required',
        description:
          'Makes a retry safe: the first request with a key runs, a repeat with the same body answers the same (422 with another body, 409 while the first is still running)',
        schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
      });
    }
    const responses: Record<string, unknown> = {
      [String(route.status ?? 200)]: {
        description: route.response === 'empty' ? 'Done, no content' : 'OK',
        content:
          route.response === 'empty'
            ? undefined
            : route.response === 'binary'
              ? Object.fromEntries(
                  (route.media ?? ['application/octet-stream']).map((media) => [
                    media,
                    { schema: { type: 'string', format: 'binary' } },
                  ]),
                )
              : json(route.response),
      },
    };
    for (const [status, name] of Object.entries(route.alsoAnswers ?? {})) {
      responses[status] = {
        description: status === '202' ? 'Accepted, still being applied' : 'OK',
        content: json(name!),
      };
    }
    for (const status of statusesOf(route)) {
      responses[String(status)] = {
        description: ERROR_TEXT[status] ?? 'Error',
        ...(status === 429 ? { headers: { 'Retry-After': RETRY_AFTER } } : {}),
        content: { 'application/json': { schema: ref('Error') } },
      };
    }
    const requestBody = route.request
      ? { required: true, content: { 'application/json': { schema: ref(route.request) } } }
      : route.upload
        ? {
            required: true,
            description: 'The raw bytes of the file, its media type as Content-Type (at most 8 MiB)',
            content: Object.fromEntries(
              UPLOAD_MEDIA.map((media) => [media, { schema: { type: 'string', format: 'binary' } }]),
            ),
          }
        : undefined;
    paths[path] = {
      ...paths[path],
      [route.method]: {
        summary: route.summary,
        ...(parameters.length ? { parameters } : {}),
        ...(route.auth ? { security: [{ bearer: [] }] } : {}),
        ...(requestBody ? { requestBody } : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Hồ sơ — social-support approval engine API', version },
    components: {
      schemas: withFormatPatterns(apiSchemas),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    paths,
  };
}
