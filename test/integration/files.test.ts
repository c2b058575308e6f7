import { useTestSystem } from './support/use-test-system';
import { example } from './support/form-examples';

const ctx = useTestSystem();
// A 1×1 PNG.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201e2215bc00000000049454e44ae426082',
  'hex',
);

async function upload(as: string, body: Buffer, contentType: string) {
  const res = await fetch(`${ctx.system.baseUrl}/api/files`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await ctx.api.token(as)}`,
      'content-type': contentType,
      'x-file-name': encodeURIComponent('ảnh nhà.png'),
    },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
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
    // A one-step process on the completion-acceptance form, published for this test.
    const definition = {
      key: 'test-completion',
      version: 1,
      programme: 'housing',
      initialStep: 'acceptance',
      title: { vi: 'Nghiệm thu (thử)', en: 'Acceptance (test)' },
      steps: [
        {
          id: 'acceptance',
          title: { vi: 'Nghiệm thu', en: 'Acceptance' },
          level: 'commune',
          role: 'commune_officer',
          form: 'housing-completion@1',
          timeLimit: { amount: 5, unit: 'working_days' },
          transitions: [{ action: 'submit', to: 'district-check', requires: ['form'] }],
        },
        {
          id: 'district-check',
          title: { vi: 'Kiểm tra của quận', en: 'District check' },
          level: 'district',
          role: 'district_officer',
          form: 'housing-completion@1',
          timeLimit: { amount: 5, unit: 'working_days' },
          transitions: [{ action: 'approve', end: 'completed', requires: ['form'] }],
        },
      ],
    };
    await ctx.system.processes.publish(definition, 'test');
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
});
