import type { Request, RequestHandler } from 'express';
import { createAjv, createFormValidator, type FormDefinition } from '../../forms';
import { BadRequestError, DomainError, ValidationError, type FieldProblem } from '../errors';
import type { ApiParameter, ApiParameters } from '../openapi/api-parameter';
import type { ApiRoute } from '../openapi/api-routes';
import { setCheckedParameters } from './checked-parameters';
import { schemaAsForm } from './schema-as-form';

interface CompiledRoute {
  method: string;
  pattern: RegExp;
  names: string[];
  query: ApiParameters;
  params: ApiParameters;
  queryForm: FormDefinition;
  pathForm: FormDefinition;
}

/** An object schema of parameters; each titled by its name, so that error messages name it. */
function objectSchema(parameters: ApiParameters, allRequired: boolean): object {
  const properties = Object.fromEntries(
    Object.entries(parameters).map(([name, { description: _d, required: _r, default: _f, ...schema }]) => [
      name,
      { title: name, ...schema },
    ]),
  );
  const required = Object.entries(parameters)
    .filter(([, p]) => allRequired || p.required)
    .map(([name]) => name);
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}

/**
 * A query or path value as its declared type: `"12"` → 12 for an integer, `"true"`/`"false"` → booleans; anything
 * else is left as it came (a repeated parameter stays an array), so the schema reports it.
 */
function coerce(value: unknown, parameter: ApiParameter): unknown {
  if (typeof value !== 'string') return value;
  if (parameter.type === 'integer' && /^-?[0-9]{1,15}$/.test(value)) return Number(value);
  if (parameter.type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/** `/api/dossiers/:id` → a RegExp matched the way Express matches it (case-insensitive, optional trailing slash). */
function routePattern(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split(/(:[A-Za-z]+)/)
    .map((part) => {
      if (part.startsWith(':')) {
        names.push(part.slice(1));
        return '([^/]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { pattern: new RegExp(`^${source}/?$`, 'i'), names };
}

/**
 * The one check of query and path parameters, built from the route table (apiRoutes) that the OpenAPI document is
 * built from, so the two cannot disagree. It runs before every router, before authentication and any other work:
 * - a documented path asked with a method it does not serve is 405 with `Allow`; OPTIONS is 204 with `Allow` (except
 *   under `/api/embed/`, whose CORS preflight the embed router answers); HEAD is GET;
 * - every declared parameter is checked against its schema with the shared ajv set-up (forms/createAjv) and every
 *   problem answered at once as 422, `/query/<name>` or `/path/<name>`, in Vietnamese and English;
 * - a path segment that is not valid percent-encoding is 400.
 * The checked values (typed, defaults filled in) are what handlers read (checkedParameters). Requests outside the
 * route table (the web app, the embed pages) pass through untouched.
 *
 * The work is bounded by construction: one anchored regular expression per route on the path, and per-value
 * schemas whose strings all have a pattern, an enum or a maxLength.
 */
export function createParameterValidator(routes: readonly ApiRoute[]): RequestHandler {
  const validator = createFormValidator(createAjv());
  const compiled: CompiledRoute[] = routes.map((route, index) => {
    const { pattern, names } = routePattern(route.path);
    const params = route.params ?? {};
    const missing = names.filter((name) => !params[name]);
    if (missing.length) throw new Error(`${route.path}: path parameters ${missing.join(', ')} are not declared`);
    return {
      method: route.method.toUpperCase(),
      pattern,
      names,
      query: route.query ?? {},
      params,
      queryForm: schemaAsForm(`parameters-${index}-query`, objectSchema(route.query ?? {}, false)),
      pathForm: schemaAsForm(`parameters-${index}-path`, objectSchema(params, true)),
    };
  });

  const check = (form: FormDefinition, values: Record<string, unknown>, at: string): FieldProblem[] => {
    const result = validator.validate(form, values);
    return result.valid
      ? []
      : result.errors.map((e) => ({ path: `/${at}${e.path}`, keyword: e.keyword, message: e.message }));
  };

  return (req: Request, res, next) => {
    // The most specific documented paths only, as OpenAPI matches them: `/api/dossiers/bulk-actions` is not also
    // `/api/dossiers/{id}`.
    const all = compiled.filter((r) => r.pattern.test(req.path));
    if (all.length === 0) return next();
    const fewest = Math.min(...all.map((r) => r.names.length));
    const matching = all.filter((r) => r.names.length === fewest);
    const allowed = [...new Set(matching.map((r) => r.method))];
    if (allowed.includes('GET')) allowed.push('HEAD');
    if (req.method === 'OPTIONS') {
      // The embed endpoints answer their CORS preflight themselves (createEmbedRouter).
      if (req.path.toLowerCase().startsWith('/api/embed/')) return next();
      res
        .set('Allow', [...allowed, 'OPTIONS'].join(', '))
        .status(204)
        .end();
      return;
    }
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const route = matching.find((r) => r.method === method);
    if (!route) {
      res.set('Allow', allowed.join(', '));
      return next(
        new DomainError(405, 'method_not_allowed', {
          vi: `Không hỗ trợ ${req.method.slice(0, 10)} ở địa chỉ này (chỉ ${allowed.join(', ')})`,
          en: `${req.method.slice(0, 10)} is not supported here (only ${allowed.join(', ')})`,
        }),
      );
    }

    const path: Record<string, unknown> = {};
    const segments = route.pattern.exec(req.path)!.slice(1);
    for (const [i, name] of route.names.entries()) {
      try {
        path[name] = coerce(decodeURIComponent(segments[i]!), route.params[name]!);
      } catch {
        return next(new BadRequestError({ vi: 'Địa chỉ không hợp lệ', en: 'Malformed URL' }));
      }
    }
    const query: Record<string, unknown> = {};
    const raw = req.query as Record<string, unknown>;
    for (const [name, parameter] of Object.entries(route.query)) {
      if (raw[name] !== undefined) query[name] = coerce(raw[name], parameter);
    }
    const problems = [...check(route.pathForm, path, 'path'), ...check(route.queryForm, query, 'query')];
    if (problems.length) return next(new ValidationError(problems));
    for (const [name, parameter] of Object.entries(route.query)) {
      if (query[name] === undefined && parameter.default !== undefined) query[name] = parameter.default;
    }
    setCheckedParameters(req, { query, path });
    next();
  };
}
