// Drafts do not outlive their use: removed on logout (per user), dropped when left untouched for weeks.
import { clearAppDrafts } from '../../../web/app/draft/clear-app-drafts';
import { appDraftKey } from '../../../web/app/draft/app-draft-key';
import { createDraftStore, DRAFT_MAX_AGE_DAYS } from '../../../web/shared/draft/create-draft-store';
import { memoryStorage } from './support/test-storages';

describe('draft hygiene', () => {
  it('removes only the signed-out officer’s drafts', () => {
    const storage = memoryStorage();
    createDraftStore(appDraftKey('xa.hacau', 'HN-HD-HC-2026-00001', 'proposal'), storage).save({
      headName: 'Nguyễn Thị Hoa',
    });
    createDraftStore(appDraftKey('xa.hacau', 'new:housing-support-2025', 'proposal'), storage).save({ a: 1 });
    createDraftStore(appDraftKey('xa.hacau2', 'HN-HD-HC-2026-00002', 'proposal'), storage).save({ a: 2 });
    storage.setItem('hoso-embed-draft:tok', '{}');
    expect(clearAppDrafts('xa.hacau', () => storage)).toBe(2);
    expect([...storage.map.keys()].sort()).toEqual(
      [appDraftKey('xa.hacau2', 'HN-HD-HC-2026-00002', 'proposal'), 'hoso-embed-draft:tok'].sort(),
    );
    expect(clearAppDrafts('xa.hacau', () => undefined)).toBe(0);
    expect(
      clearAppDrafts('xa.hacau', () => {
        throw new Error('SecurityError');
      }),
    ).toBe(0);
  });

  it('drops a draft untouched for longer than the limit, keeps a recent one', () => {
    const storage = memoryStorage();
    let now = new Date('2026-01-01T00:00:00Z');
    const store = createDraftStore('k', storage, { now: () => now });
    store.save({ a: 1 });
    now = new Date(now.getTime() + (DRAFT_MAX_AGE_DAYS - 1) * 86_400_000);
    expect(store.load()).toEqual({ a: 1 });
    now = new Date(now.getTime() + 2 * 86_400_000);
    expect(store.load()).toBeUndefined();
    expect(storage.getItem('k')).toBeNull();
  });
});
