import type { apiClient } from './api-client';
import { proposalIn } from './form-examples';

/**
 * A pre-2025 housing dossier (housing-support-2024@3) created by `user` for `unitCode` (a Hà Đông ward) and sent to
 * the district's review; its id. Fails the test unless both answers are as expected.
 */
export async function atDistrictReview(api: ReturnType<typeof apiClient>, user: string, unitCode: string) {
  const created = await api.call('POST', '/api/dossiers', {
    as: user,
    body: { processKey: 'housing-support-2024', processVersion: 3, data: proposalIn(unitCode) },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const submitted = await api.call('POST', `/api/dossiers/${id}/actions`, { as: user, body: { action: 'submit' } });
  expect(submitted.body).toMatchObject({ currentStep: 'district-review' });
  return id;
}
