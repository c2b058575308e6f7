import { useTestSystem } from './support/use-test-system';
import { completionProcess, PNG } from './support/completion-process';
import { example } from './support/form-examples';
import { createUploadSweeper } from '../../api/files/create-upload-sweeper';
import { DEFAULT_UPLOAD_LIMITS } from '../../api/files/upload-limits';

const ctx = useTestSystem();
/** A two-step process on the completion-acceptance form (which has photos), published by the tests that need it. */
const COMPLETION_PROCESS = completionProcess(1, 'district', 'district-check');

async function upload(as: string, body: Buffer, contentType: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${ctx.system.baseUrl}/api/files`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await ctx.api.token(as)}`,
      'content-type': contentType,
      'x-file-name': encodeURIComponent('ảnh nhà.png'),
      ...headers,
    },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, any>, headers: res.headers };
}

describe('attachments', () => {
  it('stores an image and returns the same bytes to users of the same unit chain only', async () => {
    const up = await upload('xa.hacau', PNG, 'image/png');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ contentType: 'image/png', size: PNG.length, fileName: 'ảnh nhà.png' });
    const get = await fetch(`${ctx.system.baseUrl}/api/files/${up.body.fileId}`, {
      headers: { authorization: `Bearer ${await ctx.api.token('quan.hadong')}` },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('image/png');
    expect(get.headers.get('x-content-type-options')).toBe('nosniff');
    // Often a scan of an identity card: no browser or proxy keeps a copy.
    expect(get.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await get.arrayBuffer()).equals(PNG)).toBe(true);
    const other = await fetch(`${ctx.system.baseUrl}/api/files/${up.body.fileId}`, {
      headers: { authorization: `Bearer ${await ctx.api.token('xa.yennghia')}` },
    });
    expect(other.status).toBe(404);
  });

  it('refuses other types (415), content that is not what it claims (422) and oversized files (413), storing none', async () => {
    const stored = async () => ({
      files: await ctx.system.models.StoredFile.countDocuments({}),
      blobs: await ctx.system.models.FileBlob.countDocuments({}),
    });
    const before = await stored();
    const text = await upload('xa.hacau', Buffer.from('hello'), 'text/plain');
    expect(text).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type', fields: [] } } });
    expect(text.body.error.message).toContain('text/plain');
    const spoofed = await upload('xa.hacau', Buffer.from('<script>alert(1)</script>'), 'image/png');
    expect(spoofed.status).toBe(422);
    expect(spoofed.body.error).toMatchObject({
      code: 'validation_failed',
      fields: [{ path: '/body', keyword: 'contentType', message: 'Nội dung tệp không phải image/png' }],
    });
    const big = Buffer.concat([PNG, Buffer.alloc(9 * 1024 * 1024)]);
    const tooBig = await upload('xa.hacau', big, 'image/png');
    expect(tooBig).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
    expect(await stored()).toEqual(before);
  });

  it('accepts form data that references existing attachments of the unit, and refuses unknown ones field by field', async () => {
    await ctx.system.processes.publish(COMPLETION_PROCESS, 'test');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await upload('xa.hacau', PNG, 'image/png')).body.fileId);
    const data = example('housing-completion@1');
    data.photos = ids.map((fileId: string) => ({ fileId }));
    const ok = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey: 'test-completion', data },
    });
    expect(ok.status).toBe(201);

    // A photo the district attaches at its step becomes readable by the commune that can read the dossier.
    await ctx.api.call('POST', `/api/dossiers/${ok.body.id}/actions`, { as: 'xa.hacau', body: { action: 'submit' } });
    const districtPhoto = (await upload('quan.hadong', PNG, 'image/png')).body.fileId;
    const readAs = async (user: string) =>
      (
        await fetch(`${ctx.system.baseUrl}/api/files/${districtPhoto}`, {
          headers: { authorization: `Bearer ${await ctx.api.token(user)}` },
        })
      ).status;
    expect(await readAs('xa.hacau')).toBe(404);
    const checked = { ...data, photos: [{ fileId: districtPhoto }] };
    expect(
      (
        await ctx.api.call('POST', `/api/dossiers/${ok.body.id}/actions`, {
          as: 'quan.hadong',
          body: { action: 'approve', data: checked },
        })
      ).status,
    ).toBe(200);
    expect(await readAs('xa.hacau')).toBe(200);
    expect(await readAs('xa.yennghia')).toBe(404);

    // Refused creations store no proposal (it is stored before a workflow starts).
    const proposals = () => ctx.system.models.Submission.countDocuments({});
    const before = await proposals();
    data.photos[1].fileId = 'f_doesNotExist1';
    const bad = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey: 'test-completion', data },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toEqual([
      expect.objectContaining({ path: '/data/photos/1/fileId', keyword: 'fileRef' }),
    ]);

    const foreign = (await upload('xa.yennghia', PNG, 'image/png')).body.fileId;
    data.photos[1].fileId = foreign;
    const notOurs = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey: 'test-completion', data },
    });
    expect(notOurs.status).toBe(422);
    expect(notOurs.body.error.fields).toEqual([
      expect.objectContaining({ path: '/data/photos/1/fileId', keyword: 'fileRef' }),
    ]);
    expect(await proposals()).toBe(before);
  });

  describe('uploads not attached to a dossier', () => {
    const { maxUnattachedFiles, maxUnattachedBytes, unattachedMaxAgeMs } = DEFAULT_UPLOAD_LIMITS;
    /** Unattached uploads of `user` put straight into the database, as if uploaded earlier. */
    const holdUnattached = async (user: string, count: number, size: number) => {
      const createdAt = new Date();
      await ctx.system.models.StoredFile.insertMany(
        Array.from({ length: count }, (_, i) => ({
          _id: `held-${user}-${createdAt.getTime()}-${i}`,
          contentType: 'image/png',
          size,
          sha256: '0'.repeat(64),
          fileName: null,
          uploadedBy: user,
          unitChain: [],
          createdAt,
          state: 'unattached',
        })),
      );
    };
    const filesOf = (user: string) => ctx.system.models.StoredFile.countDocuments({ uploadedBy: user });

    it.each([
      ['files', 'xa.phuluong', maxUnattachedFiles, 1],
      ['bytes', 'xa.dongmai', 1, maxUnattachedBytes - 10],
    ])(
      'are bounded per user in %s: the upload past the quota is 429 in both languages and stores nothing',
      async (_what, user, count, size) => {
        await holdUnattached(user, count, size);
        const before = { files: await filesOf(user), blobs: await ctx.system.models.FileBlob.countDocuments({}) };
        const vi = await upload(user, PNG, 'image/png');
        const en = await upload(user, PNG, 'image/png', { 'accept-language': 'en' });
        expect(vi).toMatchObject({ status: 429, body: { error: { code: 'upload_quota_exceeded', fields: [] } } });
        expect(vi.body.error.message).toContain(`tối đa ${maxUnattachedFiles} tệp và 100 MiB`);
        expect(en).toMatchObject({ status: 429, body: { error: { code: 'upload_quota_exceeded' } } });
        expect(en.body.error.message).toContain(`at most ${maxUnattachedFiles} files and 100 MiB`);
        expect(Number(vi.headers.get('retry-after'))).toBeGreaterThan(0);
        expect({ files: await filesOf(user), blobs: await ctx.system.models.FileBlob.countDocuments({}) }).toEqual(
          before,
        );
        // Attached files do not count: once the held ones are attached, the same upload is stored.
        await ctx.system.models.StoredFile.updateMany({ uploadedBy: user }, { $set: { state: 'attached' } });
        expect((await upload(user, PNG, 'image/png')).status).toBe(201);
      },
    );

    it('are removed by the sweep once older than the configured age; attached and older files are kept', async () => {
      await ctx.system.processes.publish(COMPLETION_PROCESS, 'test');
      const [attached, unattached] = [
        (await upload('xa.biengiang', PNG, 'image/png')).body.fileId as string,
        (await upload('xa.biengiang', PNG, 'image/png')).body.fileId as string,
      ];
      const data = example('housing-completion@1');
      data.photos = [{ fileId: attached }];
      const created = await ctx.api.call('POST', '/api/dossiers', {
        as: 'xa.biengiang',
        body: { processKey: 'test-completion', data },
      });
      expect(created.status).toBe(201);
      // A file stored before uploads had a state (attached or not, nobody knows): never swept.
      const legacy = `legacy-${Date.now()}`;
      await ctx.system.models.StoredFile.collection.insertOne({
        _id: legacy,
        contentType: 'image/png',
        size: 1,
        sha256: '0'.repeat(64),
        fileName: null,
        uploadedBy: 'xa.biengiang',
        unitChain: [],
        createdAt: new Date(Date.now() - 365 * 86_400_000),
      } as never);
      const stateOf = async (id: string) => (await ctx.system.models.StoredFile.findById(id).lean())?.state ?? 'gone';

      const sweepAt = (at: number) =>
        createUploadSweeper({ models: ctx.system.models, maxAgeMs: unattachedMaxAgeMs, now: () => new Date(at) });
      // Younger than the age: kept.
      await sweepAt(Date.now() + unattachedMaxAgeMs - 60_000).sweep();
      expect(await stateOf(unattached)).toBe('unattached');
      // Older: removed with its bytes; the attached one and the legacy one stay.
      expect(await sweepAt(Date.now() + unattachedMaxAgeMs + 60_000).sweep()).toBeGreaterThanOrEqual(1);
      expect(await stateOf(unattached)).toBe('gone');
      expect(await ctx.system.models.FileBlob.exists({ _id: unattached })).toBeNull();
      expect(await stateOf(attached)).toBe('attached');
      expect(await ctx.system.models.FileBlob.exists({ _id: attached })).not.toBeNull();
      expect((await ctx.system.models.StoredFile.findById(legacy).lean())?._id).toBe(legacy);
      const read = await fetch(`${ctx.system.baseUrl}/api/files/${attached}`, {
        headers: { authorization: `Bearer ${await ctx.api.token('xa.biengiang')}` },
      });
      expect(read.status).toBe(200);
    });

    it('refuses form data naming an upload the sweep has claimed, and finishes a removal left half done', async () => {
      await ctx.system.processes.publish(COMPLETION_PROCESS, 'test');
      const claimed = (await upload('xa.biengiang', PNG, 'image/png')).body.fileId as string;
      // The sweep claimed it (and stopped before removing it, e.g. a crash).
      await ctx.system.models.StoredFile.updateOne({ _id: claimed }, { $set: { state: 'sweeping' } });
      const data = example('housing-completion@1');
      data.photos = [{ fileId: claimed }];
      const submissions = await ctx.system.models.Submission.countDocuments({});
      const refused = await ctx.api.call('POST', '/api/dossiers', {
        as: 'xa.biengiang',
        body: { processKey: 'test-completion', data },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error.fields).toEqual([
        expect.objectContaining({ path: '/data/photos/0/fileId', keyword: 'fileRef' }),
      ]);
      expect(await ctx.system.models.Submission.countDocuments({})).toBe(submissions);
      await createUploadSweeper({ models: ctx.system.models, maxAgeMs: unattachedMaxAgeMs }).sweep();
      expect(await ctx.system.models.StoredFile.exists({ _id: claimed })).toBeNull();
      expect(await ctx.system.models.FileBlob.exists({ _id: claimed })).toBeNull();
    });
  });
});
