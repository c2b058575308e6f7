import type { apiClient } from './api-client';

/** The portal origin the embed tests' tokens name unless told otherwise. */
export const TEST_PORTAL = 'https://cong-thong-tin.hanoi.example.vn';

export interface CreatedEmbedToken {
  id: string;
  token: string;
  snippets: { iframe: string; script: string; statusIframe: string; statusScript: string };
}

/**
 * Creates an embed token as `admin.hanoi` for the housing proposal of phường Hà Cầu, valid for a week from
 * TEST_PORTAL; `overrides` replace fields of the request. Fails the test unless the answer is 201.
 */
export async function createEmbedToken(
  api: ReturnType<typeof apiClient>,
  overrides: Record<string, unknown> = {},
): Promise<CreatedEmbedToken> {
  const res = await api.call('POST', '/api/admin/embed-tokens', {
    as: 'admin.hanoi',
    body: {
      label: 'Cổng thông tin phường Hà Cầu',
      processKey: 'housing-support-2024',
      unitCode: 'HN-HD-HC',
      origins: [TEST_PORTAL],
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      ...overrides,
    },
  });
  expect(res.status).toBe(201);
  return res.body as CreatedEmbedToken;
}
