import { parseAppUrl, parseRoute, routeUrl, safeNext, type AppRoute } from '../../../web/app/routing/app-route';
import { inboxQuery } from '../../../web/app/dossier/inbox-query';

describe('the officer app routes', () => {
  it.each<[string, AppRoute]>([
    ['/', { name: 'inbox' }],
    ['/dossiers/HN-HD-HC-2026-00012', { name: 'dossier', id: 'HN-HD-HC-2026-00012' }],
    ['/new', { name: 'new' }],
    ['/new/housing-support-2024', { name: 'new', processKey: 'housing-support-2024' }],
    ['/login', { name: 'login', next: '/' }],
    ['/admin/registry', { name: 'admin', section: 'registry' }],
    ['/admin/embed-tokens', { name: 'admin', section: 'embed-tokens' }],
    ['/admin/users', { name: 'admin', section: 'users' }],
    ['/admin/units', { name: 'admin', section: 'units' }],
    ['/admin/calendar', { name: 'admin', section: 'calendar' }],
    ['/login?next=%2Fdossiers%2FHN-HD-HC-2026-00012', { name: 'login', next: '/dossiers/HN-HD-HC-2026-00012' }],
    ['/sla', { name: 'sla', filters: {} }],
    ['/payments', { name: 'payments' }],
    ['/plans', { name: 'plans' }],
    ['/sla?programme=housing&unit=HN-HD', { name: 'sla', filters: { programme: 'housing', unit: 'HN-HD' } }],
    [
      '/sla?unit=HN&list=HN-HD-HC&timeliness=overdue',
      { name: 'sla', filters: { unit: 'HN', list: 'HN-HD-HC', timeliness: 'overdue' } },
    ],
  ])('reads %s and writes it back the same', (url, route) => {
    expect(parseAppUrl(url)).toEqual(route);
    expect(routeUrl(route)).toBe(url);
  });

  it.each([
    '/dossiers/not a code',
    '/dossiers/<script>',
    '/dossiers',
    '/new/Bad_Key',
    '/admin/unknown',
    '/admin/users/x',
    '/dossiers/HN-1/extra',
  ])('sends %s to not-found', (path) => {
    expect(parseRoute(path).name).toBe('not-found');
  });

  it('drops SLA filters that are not a programme, a unit code or an open timeliness, and a list without its timeliness', () => {
    expect(parseAppUrl('/sla?programme=%24where&unit=hn%20hd&list=HN-HD&timeliness=late')).toEqual({
      name: 'sla',
      filters: {},
    });
    expect(parseAppUrl('/sla?list=HN-HD')).toEqual({ name: 'sla', filters: {} });
    expect(parseRoute('/sla/extra').name).toBe('not-found');
  });

  it('opens the registry at /admin', () => {
    expect(parseRoute('/admin')).toEqual({ name: 'admin', section: 'registry' });
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

describe('the inbox query', () => {
  it('sends only the filters that are set, then the page size and the cursor', () => {
    expect(inboxQuery({ unit: '', programme: '', status: '', timeliness: '', q: '  ' }, 25, null)).toBe('limit=25');
    expect(
      inboxQuery(
        {
          unit: 'HN-HD',
          programme: 'housing',
          status: 'awaiting_supplement',
          timeliness: 'overdue',
          q: ' Nguyễn Hoa ',
        },
        25,
        'abc+/=',
      ),
    ).toBe(
      'unit=HN-HD&programme=housing&status=awaiting_supplement&timeliness=overdue&q=Nguy%E1%BB%85n+Hoa&limit=25&cursor=abc%2B%2F%3D',
    );
  });
});
