// The inbox's filters (programme, status, timeliness) and the counts on its first page, against a real system. The
// overdue dossier is one whose proposal step lasts 3.6 s (a test-only copy of the housing process): the workflow's
// own timer escalates it.
import { proposalIn } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';
import { LATE_PROCESS, publishShortSlaProcesses, untilRecorded } from './support/short-sla-processes';

const ctx = useTestSystem();
const act = (user: string, id: string, body: Record<string, unknown>) =>
  ctx.api.call('POST', `/api/dossiers/${id}/actions`, { as: user, body });
async function create(processKey = 'housing-support-2024'): Promise<string> {
  const res = await ctx.api.call('POST', '/api/dossiers', {
    as: 'xa.biengiang',
    body: { processKey, data: proposalIn('HN-HD-BG') },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}
/** Every id the filter lists, two per page, following the cursor (so the filters hold on later pages too). */
async function inboxIds(query: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await ctx.api.call(
      'GET',
      `/api/inbox?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      { as: 'xa.biengiang' },
    );
    expect(res.status).toBe(200);
    ids.push(...res.body.items.map((i) => i.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids.sort();
}

describe('the inbox filters', () => {
  let fresh: string[], returned: string, overdue: string;
  beforeAll(async () => {
    await publishShortSlaProcesses(ctx.system.processes);
    // The first one's proposal step lasts 3.6 s: it will be overdue while it waits for the commune.
    fresh = [await create(LATE_PROCESS), await create(), await create()];
    // One returned for supplement: it waits for the commune again, as awaiting_supplement.
    returned = await create();
    expect((await act('xa.biengiang', returned, { action: 'submit' })).status).toBe(200);
    expect((await act('quan.hadong', returned, { action: 'return', comment: 'Bổ sung biên bản' })).status).toBe(200);
    overdue = fresh[0]!;
    await untilRecorded(ctx.system.models, overdue, 'overdue');
  });

  it('filters by status and by timeliness, on every page', async () => {
    expect(await inboxIds('status=awaiting_supplement')).toEqual([returned]);
    expect(await inboxIds('status=received')).toEqual([...fresh].sort());
    expect(await inboxIds('timeliness=overdue')).toEqual([overdue]);
    expect(await inboxIds('timeliness=not_due')).toEqual([fresh[1]!, fresh[2]!].sort());
    // Returned for supplement: the SLA clock is stopped, so the dossier has no due time and its own bucket.
    expect(await inboxIds('timeliness=stopped')).toEqual([returned]);
    expect(await inboxIds('timeliness=not_due&status=received')).toEqual([fresh[1]!, fresh[2]!].sort());
    expect(await inboxIds('programme=housing')).toEqual([...fresh, returned].sort());
    expect(await inboxIds('programme=livelihood')).toEqual([]);
  });

  it('counts the matches per timeliness on the first page only', async () => {
    const first = await ctx.api.call('GET', '/api/inbox?limit=1', { as: 'xa.biengiang' });
    expect(first.body.counts).toEqual({ total: 4, not_due: 2, near_due: 0, overdue: 1, stopped: 1 });
    const received = await ctx.api.call('GET', '/api/inbox?limit=1&status=received&timeliness=overdue', {
      as: 'xa.biengiang',
    });
    // The counts ignore the timeliness filter, so the other timeliness counts stay visible beside a filtered list.
    expect(received.body.counts).toEqual({ total: 3, not_due: 2, near_due: 0, overdue: 1, stopped: 0 });
    const next = await ctx.api.call('GET', `/api/inbox?limit=1&cursor=${first.body.nextCursor}`, {
      as: 'xa.biengiang',
    });
    expect(next.status).toBe(200);
    expect(next.body.counts).toBeUndefined();
  });

  it("narrows to one of the caller's units, with its counts, for a user with grants in several", async () => {
    const passwordHash = (await ctx.system.models.User.findById('xa.biengiang').lean())!.passwordHash;
    await ctx.system.models.User.create({
      _id: 'xa.hai-noi',
      displayName: 'Cán bộ hai xã',
      passwordHash,
      active: true,
      grants: [
        { role: 'commune_officer', unitCode: 'HN-HD-BG' },
        { role: 'commune_officer', unitCode: 'HN-HD-HC' },
      ],
    });
    const both = await ctx.api.call('GET', '/api/inbox?limit=50', { as: 'xa.hai-noi' });
    const bienGiang = await ctx.api.call('GET', '/api/inbox?limit=50&unit=HN-HD-BG', { as: 'xa.hai-noi' });
    expect(bienGiang.body.items.map((i: { id: string }) => i.id).sort()).toEqual(await inboxIds(''));
    expect(bienGiang.body.counts.total).toBe(4);
    expect(both.body.counts.total).toBeGreaterThanOrEqual(bienGiang.body.counts.total);
    expect(both.body.items.length).toBe(both.body.counts.total);
    const foreign = await ctx.api.call('GET', '/api/inbox?unit=HN-HD-YN', { as: 'xa.hai-noi' });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.fields).toEqual([expect.objectContaining({ path: '/query/unit' })]);
  });

  it.each([
    ['status=completed', '/query/status'],
    ['timeliness=late', '/query/timeliness'],
    ['programme=%24where', '/query/programme'],
  ])('refuses %s with a field error in both languages', async (query, path) => {
    for (const lang of ['vi', 'en']) {
      const res = await ctx.api.call('GET', `/api/inbox?${query}`, {
        as: 'xa.biengiang',
        headers: { 'accept-language': lang },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.fields).toEqual([expect.objectContaining({ path })]);
    }
  });
});
