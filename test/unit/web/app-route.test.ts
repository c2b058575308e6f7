import { parseAppUrl, parseRoute, routeUrl, safeNext, type AppRoute } from '../../../web/app/routing/app-route';

describe('the officer app routes', () => {
  it.each<[string, AppRoute]>([
    ['/', { name: 'inbox' }],
    ['/dossiers/HN-HD-HC-2026-00012', { name: 'dossier', id: 'HN-HD-HC-2026-00012' }],
    ['/new', { name: 'new' }],
    ['/new/housing-support-2024', { name: 'new', processKey: 'housing-support-2024' }],
    ['/login', { name: 'login', next: '/' }],
    ['/login?next=%2Fdossiers%2FHN-HD-HC-2026-00012', { name: 'login', next: '/dossiers/HN-HD-HC-2026-00012' }],
  ])('reads %s and writes it back the same', (url, route) => {
    expect(parseAppUrl(url)).toEqual(route);
    expect(routeUrl(route)).toBe(url);
  });

  it.each(['/dossiers/not a code', '/dossiers/<script>', '/dossiers', '/new/Bad_Key', '/admin', '/dossiers/HN-1/extra'])('sends %s to not-found', (path) => {
    expect(parseRoute(path).name).toBe('not-found');
  });

  it.each([
    ['https://evil.example/', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/login?next=/x', '/'],
    ['', '/'],
    [null, '/'],
    ['/dossiers/HN-HD-HC-2026-00012?tab=1', '/dossiers/HN-HD-HC-2026-00012?tab=1'],
  ])('only follows a login next of this app: %s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});
