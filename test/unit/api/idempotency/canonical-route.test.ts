import type { Request } from 'express';
import { canonicalRoute } from '../../../../api/idempotency/canonical-route';

const matched = (path: unknown, params: Record<string, string> = {}, baseUrl = '') =>
  ({ baseUrl, route: { path }, params }) as unknown as Pick<Request, 'baseUrl' | 'route' | 'params'>;

describe('canonicalRoute', () => {
  it.each([
    ['a plain route', matched('/api/dossiers'), '/api/dossiers'],
    [
      'a route with a parameter',
      matched('/api/dossiers/:id/actions', { id: 'HN-HD-2025-000001' }),
      '/api/dossiers/HN-HD-2025-000001/actions',
    ],
    ['a mounted router', matched('/:id/actions', { id: 'HN-1' }, '/api/dossiers'), '/api/dossiers/HN-1/actions'],
    [
      'a parameter that needs encoding',
      matched('/api/embed/:token/submissions', { token: 'a/b c' }),
      '/api/embed/a%2Fb%20c/submissions',
    ],
    [
      'a parameter that keeps its case',
      matched('/api/dossiers/:id/actions', { id: 'hn-1' }),
      '/api/dossiers/hn-1/actions',
    ],
    ['a pattern with a trailing slash', matched('/api/dossiers/'), '/api/dossiers'],
  ])('spells %s from the pattern and the params', (_what, req, expected) => {
    expect(canonicalRoute(req)).toBe(expected);
  });

  it('is the same for every spelling Express routes to the same pattern, whatever the URL looked like', () => {
    // The URL is not an input at all: only the pattern and the params are.
    const spellings = ['/api/dossiers/', '/api/dossiers?x=1', '/API/Dossiers'].map((originalUrl) => ({
      ...matched('/api/dossiers'),
      originalUrl,
      url: originalUrl,
    }));
    expect(new Set(spellings.map(canonicalRoute))).toEqual(new Set(['/api/dossiers']));
  });

  it('throws outside a route declared with a string path', () => {
    expect(() => canonicalRoute(matched(/^\/api\/dossiers$/))).toThrow('string path');
    expect(() => canonicalRoute({ baseUrl: '', params: {} } as never)).toThrow('string path');
  });
});
