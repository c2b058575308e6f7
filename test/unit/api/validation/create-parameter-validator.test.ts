import type { Request, Response } from 'express';
import { DomainError } from '../../../../api/errors';
import { apiRoutes } from '../../../../api/openapi/api-routes';
import { checkedParameters } from '../../../../api/validation/checked-parameters';
import { createParameterValidator } from '../../../../api/validation/create-parameter-validator';

const validate = createParameterValidator(apiRoutes);

/** Runs the middleware on a request; returns the error it passed on (if any), the request and the headers set. */
function run(method: string, url: string) {
  const [path, search = ''] = url.split('?');
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(search)) {
    const seen = query[name];
    query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  const req = { method, path, query } as unknown as Request;
  const headers: Record<string, string> = {};
  const answered: { status?: number } = {};
  const res = {
    set(name: string, value: string) {
      headers[name] = value;
      return res;
    },
    status(code: number) {
      answered.status = code;
      return res;
    },
    end: () => res,
  } as unknown as Response;
  let error: unknown = 'next was not called';
  validate(req, res, (e?: unknown) => (error = e));
  return { error: error as DomainError | undefined, req, headers, answered };
}

const fieldsOf = (error: DomainError | undefined) =>
  (error?.fields ?? []).map((f) => ({ path: f.path, keyword: f.keyword }));

describe('the parameter validator built from the route table', () => {
  it('passes declared parameters on typed, with their defaults', () => {
    const { error, req } = run('GET', '/api/inbox?limit=20&status=in_progress&q=hoa');
    expect(error).toBeUndefined();
    expect(checkedParameters(req).query).toEqual({ limit: 20, status: 'in_progress', q: 'hoa' });
    const summary = run('GET', '/api/sla/summary');
    expect(checkedParameters(summary.req).query).toEqual({ finishedBy: 'procedure' });
    const diff = run('GET', '/api/admin/forms/housing-proposal/2/diff?against=1');
    expect(checkedParameters(diff.req)).toEqual({
      path: { key: 'housing-proposal', version: 2 },
      query: { against: 1 },
    });
  });

  it.each(
    [
      ['/api/sla/summary?to=275760-09-13', '/query/to'],
      ['/api/sla/summary?to=9999-12-31', '/query/to'],
      ['/api/sla/summary?from=0001-01-01', '/query/from'],
      ['/api/sla/summary?from=0000-01-01', '/query/from'],
      ['/api/sla/summary?from=2026-02-30', '/query/from'],
      ['/api/sla/summary?finishedBy=commune', '/query/finishedBy'],
      ['/api/units?at=1999-12-31', '/query/at'],
      ['/api/inbox?limit=0', '/query/limit'],
      ['/api/inbox?limit=201', '/query/limit'],
      ['/api/inbox?limit=1&limit=2', '/query/limit'],
      [`/api/inbox?cursor=${'A'.repeat(401)}`, '/query/cursor'],
      [`/api/inbox?q=${'a'.repeat(101)}`, '/query/q'],
      ['/api/notifications?unread=yes', '/query/unread'],
      ['/api/admin/events?limit=501', '/query/limit'],
      ['/api/calendars/HN/1999', '/path/year'],
      ['/api/processes/housing-support-2024/0', '/path/version'],
      ['/api/files/short', '/path/id'],
      ['/api/admin/users?q=a%00b', '/query/q'],
      ['/api/inbox?q=%1B', '/query/q'],
      ['/api/dossiers/HN%00', '/path/id'],
    ].map(([url, path]) => [url!.length > 70 ? `${url!.slice(0, 50)}… (${url!.length} characters)` : url, path, url]),
  )('answers %s with 422 at %s', (_label, path, url) => {
    const { error } = run('GET', url!);
    expect(error).toBeInstanceOf(DomainError);
    expect(error!.status).toBe(422);
    expect(fieldsOf(error).map((f) => f.path)).toEqual([path]);
    expect(error!.fields[0]!.message.vi).not.toEqual(error!.fields[0]!.message.en);
  });

  it('reports every bad parameter at once', () => {
    const { error } = run('GET', '/api/sla/pending?limit=x&timeliness=late&processingUnit=hn');
    expect(fieldsOf(error).map((f) => f.path)).toEqual(['/query/limit', '/query/processingUnit', '/query/timeliness']);
  });

  it('answers a documented path asked with another method with 405 and Allow', () => {
    const { error, headers } = run('DELETE', '/api/dossiers/HN-HD-HC-2026-00001');
    expect(error?.status).toBe(405);
    expect(headers.Allow).toBe('GET, HEAD');
    expect(run('PUT', '/api/dossiers').headers.Allow).toBe('POST');
    // The most specific path only: bulk-actions is not also a dossier id.
    expect(run('GET', '/api/dossiers/bulk-actions').headers.Allow).toBe('POST');
  });

  it('answers OPTIONS with the methods of the documented path, except the embed preflight', () => {
    const options = run('OPTIONS', '/api/dossiers/bulk-actions');
    expect(options.answered.status).toBe(204);
    expect(options.headers.Allow).toBe('POST, OPTIONS');
    expect(run('OPTIONS', '/api/embed/x/form').error).toBeUndefined();
  });

  it('answers a path that is not valid percent-encoding with 400', () => {
    expect(run('GET', '/api/dossiers/%E0%A4%A').error?.status).toBe(400);
  });

  it('leaves requests outside the route table alone', () => {
    expect(run('GET', '/embed/abc').error).toBeUndefined();
    expect(run('GET', '/').error).toBeUndefined();
  });
});
