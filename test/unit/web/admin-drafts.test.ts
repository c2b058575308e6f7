// The administration forms' drafts: what is kept (never a password), what a stored draft restores, and that their
// keys are the user's app drafts, removed on logout with the step forms' drafts.
import { draftFields, restoreDraftFields } from '../../../web/app/admin/admin-draft-fields';
import { adminText } from '../../../web/app/admin/admin-text';
import { adminDraftKey } from '../../../web/app/draft/admin-draft-key';
import { appDraftKey } from '../../../web/app/draft/app-draft-key';
import { clearAppDrafts } from '../../../web/app/draft/clear-app-drafts';
import { createDraftStore } from '../../../web/shared/draft/create-draft-store';
import { memoryStorage } from './support/test-storages';

const opening = {
  label: '',
  processKey: 'housing-support-2024',
  unitCode: 'HN',
  origins: '',
  expiresOn: '',
  rate: '30',
};

describe('what an administration form keeps as its draft', () => {
  it('keeps only the fields that differ from how the form opened', () => {
    expect(draftFields({ ...opening, label: 'Cổng phường', rate: '60' }, opening)).toEqual({
      label: 'Cổng phường',
      rate: '60',
    });
  });

  it('keeps nothing when the form is as it opened (typing then deleting leaves no draft)', () => {
    expect(draftFields({ ...opening }, opening)).toBeUndefined();
  });

  it('never keeps a password, whatever the form calls it', () => {
    const user = { username: '', displayName: '', password: '', newPassword: '' };
    expect(
      draftFields({ username: 'xa.moi', displayName: '', password: 'bí-mật-1', newPassword: 'bí-mật-2' }, user),
    ).toEqual({ username: 'xa.moi' });
    expect(draftFields({ ...user, password: 'bí-mật' }, user)).toBeUndefined();
  });
});

describe('restoring an administration form from its draft', () => {
  it('takes the draft’s fields over how the form opens', () => {
    expect(restoreDraftFields({ label: 'Cổng phường', origins: 'https://a.example.vn' }, opening)).toEqual({
      ...opening,
      label: 'Cổng phường',
      origins: 'https://a.example.vn',
    });
  });

  it('ignores fields the form does not have, values that are not text, and passwords', () => {
    const user = { username: '', password: '' };
    expect(restoreDraftFields({ username: 'xa.moi', password: 'bí-mật', extra: 'x' }, user)).toEqual({
      username: 'xa.moi',
      password: '',
    });
    expect(restoreDraftFields({ label: 42, rate: null, origins: ['a'] }, opening)).toBeUndefined();
  });

  it.each([[undefined], [null], ['text'], [[{ label: 'x' }]], [{}], [{ rate: '30' }]])(
    'opens the form as usual from %j',
    (saved) => {
      expect(restoreDraftFields(saved, opening)).toBeUndefined();
    },
  );

  it('round-trips through a draft store', () => {
    const storage = memoryStorage();
    const key = adminDraftKey('admin.hanoi', 'embed-token');
    createDraftStore(key, storage).save(draftFields({ ...opening, label: 'Cổng phường' }, opening));
    expect(restoreDraftFields(createDraftStore(key, storage).load(), opening)).toEqual({
      ...opening,
      label: 'Cổng phường',
    });
  });
});

describe('the keys of administration drafts', () => {
  it('are per user and form, and cannot meet a dossier’s draft', () => {
    expect(adminDraftKey('admin.hanoi', 'user-grant:xa.hacau')).toBe(
      'hoso-app-draft:admin.hanoi:admin:user-grant%3Axa.hacau',
    );
    expect(adminDraftKey('admin.hanoi', 'embed-token')).not.toBe(adminDraftKey('admin.hadong', 'embed-token'));
    expect(adminDraftKey('a', 'x')).not.toBe(appDraftKey('a', 'new:admin', 'x'));
  });

  it('are removed on logout with the user’s other drafts, and only the user’s', () => {
    const storage = memoryStorage();
    for (const key of [
      adminDraftKey('admin.hanoi', 'embed-token'),
      adminDraftKey('admin.hanoi', 'registry-publish'),
      appDraftKey('admin.hanoi', 'HN-HD-HC-2026-00001', 'proposal'),
      adminDraftKey('admin.hadong', 'embed-token'),
    ]) {
      createDraftStore(key, storage).save({ label: 'x' });
    }
    expect(clearAppDrafts('admin.hanoi', () => storage)).toBe(3);
    expect([...storage.map.keys()]).toEqual([adminDraftKey('admin.hadong', 'embed-token')]);
  });
});

describe('the draft note', () => {
  it('says a draft was restored, in Vietnamese and English', () => {
    expect(adminText('vi').draftRestored).toBe('Đã khôi phục bản nháp.');
    expect(adminText('vi').discardDraft).toBe('Bỏ bản nháp');
    expect(adminText('en').draftRestored).toBe('Draft restored.');
    expect(adminText('en').discardDraft).toBe('Discard');
  });
});
