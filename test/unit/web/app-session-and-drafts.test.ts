import { createDraftStore } from '../../../web/shared/draft/create-draft-store';
import { appDraftKey } from '../../../web/app/draft/app-draft-key';
import { loadLangPreference, saveLangPreference } from '../../../web/app/i18n/lang-preference';
import { createSessionStore, type Session } from '../../../web/app/session/session-store';
import { memoryStorage, refusingStorage } from './support/test-storages';

const session: Session = {
  token: 'tok-abcdefghijklmnopqrstuvwxyz',
  expiresAt: '2026-06-01T00:15:00.000Z',
  refreshToken: 'ref-abcdefghijklmnopqrstuvwxyz',
  refreshExpiresAt: '2026-06-01T12:00:00.000Z',
  user: {
    id: 'xa.hacau',
    displayName: 'Cán bộ phường Hà Cầu',
    grants: [{ role: 'commune_officer', unitCode: 'HN-HD-HC' }],
  },
};

describe('the officer app session', () => {
  it('is kept past its access token’s expiry (it is refreshed) until the session ends, then removed', () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage);
    store.save(session);
    expect(store.load(new Date('2026-06-01T11:59:59Z'))).toEqual(session);
    expect(store.load(new Date('2026-06-01T12:00:00Z'))).toBeUndefined();
    expect(storage.map.size).toBe(0);
  });

  it('treats unreadable or foreign data as signed out, and storage that refuses as no storage', () => {
    const storage = memoryStorage();
    storage.setItem('hoso-app-session', '{not json');
    expect(createSessionStore(storage).load(new Date())).toBeUndefined();
    storage.setItem('hoso-app-session', JSON.stringify({ token: 1 }));
    expect(createSessionStore(storage).load(new Date())).toBeUndefined();
    expect(() => createSessionStore(refusingStorage).save(session)).not.toThrow();
    expect(createSessionStore(refusingStorage).load(new Date())).toBeUndefined();
    expect(createSessionStore(undefined).load(new Date())).toBeUndefined();
  });

  it('remembers the language, Vietnamese until English is chosen', () => {
    const storage = memoryStorage();
    expect(loadLangPreference(storage)).toBe('vi');
    saveLangPreference(storage, 'en');
    expect(loadLangPreference(storage)).toBe('en');
    expect(loadLangPreference(undefined)).toBe('vi');
  });
});

describe('the officer app drafts', () => {
  it('are kept per user, dossier and step', () => {
    const storage = memoryStorage();
    const keys = [
      appDraftKey('xa.hacau', 'HN-HD-HC-2026-00001', 'proposal'),
      appDraftKey('xa.yennghia', 'HN-HD-HC-2026-00001', 'proposal'),
      appDraftKey('xa.hacau', 'HN-HD-HC-2026-00002', 'proposal'),
      appDraftKey('xa.hacau', 'HN-HD-HC-2026-00001', 'district-review'),
    ];
    expect(new Set(keys).size).toBe(4);
    createDraftStore(keys[0]!, storage).save({ a: 1 });
    expect(createDraftStore(keys[0]!, storage).load()).toEqual({ a: 1 });
    for (const other of keys.slice(1)) expect(createDraftStore(other, storage).load()).toBeUndefined();
  });

  it('cannot be confused by a separator inside a part', () => {
    expect(appDraftKey('a:b', 'c', 'd')).not.toBe(appDraftKey('a', 'b:c', 'd'));
    expect(appDraftKey('u', 'new:housing-support-2024', 'start')).toBe(
      'hoso-app-draft:u:new%3Ahousing-support-2024:start',
    );
  });
});
