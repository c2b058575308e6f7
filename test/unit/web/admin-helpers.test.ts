import { expiryOfDay, grantLabel, hasAdminGrant, splitOrigins } from '../../../web/app/admin/admin-grants';
import { adminText } from '../../../web/app/admin/admin-text';
import { previousVersion, readDefinitionJson } from '../../../web/app/admin/read-definition-json';

describe('reading a definition pasted on the registry page', () => {
  const form = {
    key: 'housing-proposal',
    version: 2,
    title: { vi: 'Đề xuất', en: 'Proposal' },
    schema: { type: 'object' },
  };
  const process = { key: 'housing-support-2024', version: 3, steps: [] };

  it('reads a form or a process of the chosen kind', () => {
    expect(readDefinitionJson(JSON.stringify(form), 'form')).toEqual({
      ok: true,
      key: 'housing-proposal',
      version: 2,
      definition: form,
    });
    expect(readDefinitionJson(JSON.stringify(process), 'process')).toEqual({
      ok: true,
      key: 'housing-support-2024',
      version: 3,
      definition: process,
    });
  });

  it('refuses JSON that does not parse, with the parser’s reason', () => {
    const read = readDefinitionJson('{ "key": ', 'form');
    expect(read).toEqual({ ok: false, problem: 'bad-json', detail: expect.any(String) });
    expect(read.ok === false && read.problem === 'bad-json' && read.detail.length).toBeGreaterThan(0);
  });

  it.each([
    ['[]'],
    ['null'],
    ['"text"'],
    ['{"version": 1, "schema": {}}'],
    ['{"key": "a", "version": 0, "schema": {}}'],
    ['{"key": "a", "version": 1.5, "schema": {}}'],
    ['{"key": "", "version": 1, "schema": {}}'],
    ['{"key": "a", "version": "2", "schema": {}}'],
  ])('refuses %s as not a definition', (text) => {
    expect(readDefinitionJson(text, 'form')).toEqual({ ok: false, problem: 'not-an-object' });
  });

  it('refuses a process pasted as a form and a form pasted as a process', () => {
    expect(readDefinitionJson(JSON.stringify(process), 'form')).toEqual({ ok: false, problem: 'wrong-kind' });
    expect(readDefinitionJson(JSON.stringify(form), 'process')).toEqual({ ok: false, problem: 'wrong-kind' });
  });

  it('compares a new version with the newest published one below it', () => {
    expect(previousVersion([1, 3, 2], 4)).toBe(3);
    expect(previousVersion([1, 3, 2], 3)).toBe(2);
    expect(previousVersion([1, 5], 3)).toBe(1);
    expect(previousVersion([2], 1)).toBeUndefined();
    expect(previousVersion([], 1)).toBeUndefined();
  });
});

describe('the admin pages’ small helpers', () => {
  it('shows the admin pages to holders of an admin grant only', () => {
    expect(hasAdminGrant([{ role: 'commune_officer' }, { role: 'admin' }])).toBe(true);
    expect(hasAdminGrant([{ role: 'commune_officer' }, { role: 'supervisor' }])).toBe(false);
    expect(hasAdminGrant([])).toBe(false);
  });

  it('names a grant role@UNIT', () => {
    expect(grantLabel({ role: 'supervisor', unitCode: 'HN-HD-HC' })).toBe('supervisor@HN-HD-HC');
  });

  it('splits typed origins by lines, spaces or commas, without blanks or repeats', () => {
    expect(splitOrigins(' https://a.example.vn\n\nhttps://b.example.vn:8443, https://a.example.vn \n')).toEqual([
      'https://a.example.vn',
      'https://b.example.vn:8443',
    ]);
    expect(splitOrigins('   ')).toEqual([]);
  });

  it('lets a token expire at the end of the chosen day in Việt Nam time', () => {
    expect(new Date(expiryOfDay('2030-06-30')).toISOString()).toBe('2030-06-30T16:59:59.000Z');
  });

  it('has every admin word in both languages', () => {
    const vi = adminText('vi');
    const en = adminText('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    expect(vi.sections.users).toBe('Người dùng và quyền');
    expect(en.sections.users).toBe('Users and grants');
    expect(en.published('housing-proposal@2')).toBe('Published housing-proposal@2.');
  });
});
