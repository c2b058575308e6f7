// The inbox's text search (q) on the dossier code and the household head's name, ignoring case and diacritics,
// against a real system (real FerretDB): the projection stores the normalized search field, the inbox queries it.
import { backfillSearchText } from '../../read-model/search/backfill-search-text';
import { proposalIn } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';

const ctx = useTestSystem();
const USER = 'xa.biengiang';

async function create(headName: string): Promise<string> {
  const data = proposalIn('HN-HD-BG');
  data.household.headName = headName;
  const res = await ctx.api.call('POST', '/api/dossiers', {
    as: USER,
    body: { processKey: 'housing-support-2024', data },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}
async function search(q: string, extra = ''): Promise<{ ids: string[]; total: number }> {
  const res = await ctx.api.call('GET', `/api/inbox?q=${encodeURIComponent(q)}${extra}`, { as: USER });
  expect(res.status).toBe(200);
  return { ids: res.body.items.map((i: { id: string }) => i.id).sort(), total: res.body.counts.total };
}

describe('the inbox text search', () => {
  let hoa: string, duc: string, legacy: string;
  beforeAll(async () => {
    hoa = await create('Nguyễn Thị Hoa');
    duc = await create('Trần Đức Hòa');
    // A dossier projected before the search field existed: it still lists without q.
    legacy = await create('Lê Văn Ánh');
    await ctx.system.models.DossierView.updateOne({ _id: legacy }, { $unset: { searchText: 1 } });
  });

  it('stores the code and the head of household without diacritics in the read model', async () => {
    const view = await ctx.system.models.DossierView.findById(hoa).lean();
    expect(view?.searchText).toBe(`${hoa.toLowerCase()} nguyen thi hoa`);
  });

  it('finds a household head typed without diacritics, in any case, by any of the words', async () => {
    expect(await search('nguyen thi hoa')).toEqual({ ids: [hoa], total: 1 });
    expect(await search('NGUYỄN thị HOA')).toEqual({ ids: [hoa], total: 1 });
    expect((await search('hoa')).ids).toEqual([hoa, duc].sort());
    expect((await search('  hòa   tran ')).ids).toEqual([duc]); // word order and spacing do not matter
    expect((await search('duc')).ids).toEqual([duc]); // đ is typed as d
    expect((await search('nguyen duc')).ids).toEqual([]); // every word must occur
  });

  it('finds a dossier by its code or a part of it, combined with the other filters', async () => {
    expect((await search(hoa)).ids).toEqual([hoa]);
    expect((await search(hoa.toLowerCase().slice(-5))).ids).toEqual([hoa]);
    expect((await search('hn-hd-bg')).ids).toEqual([hoa, duc].sort()); // the legacy document has no search field
    expect((await search('hoa', '&status=in_progress')).ids).toEqual([]);
    expect((await search('hoa', '&status=received&programme=housing')).ids).toEqual([hoa, duc].sort());
  });

  it('treats regular-expression characters as text and ignores a blank q', async () => {
    expect((await search('.*')).ids).toEqual([]);
    expect((await search('(hoa')).ids).toEqual([]);
    const all = await ctx.api.call('GET', '/api/inbox?q=%20%20', { as: USER });
    expect(all.status).toBe(200);
    expect(all.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([hoa, duc, legacy]));
    const none = await ctx.api.call('GET', '/api/inbox', { as: USER });
    expect(none.body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([hoa, duc, legacy]));
  });

  it('finds an older dossier once its search field is backfilled, and backfills only what lacks it', async () => {
    expect((await search('le van anh')).ids).toEqual([]);
    expect(await backfillSearchText(ctx.system.models)).toBe(1);
    expect((await search('le van anh')).ids).toEqual([legacy]);
    expect(await backfillSearchText(ctx.system.models)).toBe(0);
  });

  it('refuses a search text over 100 characters with a field error in both languages', async () => {
    for (const lang of ['vi', 'en']) {
      const res = await ctx.api.call('GET', `/api/inbox?q=${'a'.repeat(101)}`, {
        as: USER,
        headers: { 'accept-language': lang },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.fields).toEqual([expect.objectContaining({ path: '/query/q' })]);
    }
    expect((await ctx.api.call('GET', `/api/inbox?q=${'a'.repeat(100)}`, { as: USER })).status).toBe(200);
  });
});
