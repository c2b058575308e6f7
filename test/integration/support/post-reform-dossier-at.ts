import type { apiClient } from './api-client';
import { example, proposalIn } from './form-examples';

/**
 * A new dossier of the post-2025 chain's version 4, the last whose approval is taken as a list (version 5 approves
 * each dossier with its funding split), or of another process with the same steps, from Kiến Hưng, sent on
 * by its commune, and for `province-approval` also appraised by the department: it then waits in the inbox of the
 * city's unit head (lanhdao.hanoi), whose approval may be taken for several dossiers at once.
 */
export async function postReformDossierAt(
  api: ReturnType<typeof apiClient>,
  step: 'province-appraisal' | 'province-approval',
  processKey = 'housing-support-2025',
): Promise<string> {
  const act = (user: string, id: string, body: Record<string, unknown>) =>
    api.call('POST', `/api/dossiers/${id}/actions`, { as: user, body });
  const created = await api.call('POST', '/api/dossiers', {
    as: 'xa2025.kienhung',
    body: {
      processKey,
      ...(processKey === 'housing-support-2025' ? { processVersion: 4 } : {}),
      data: proposalIn('HN-KIENHUNG'),
    },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await act('xa2025.kienhung', id, { action: 'submit' })).body).toMatchObject({
    currentStep: 'province-appraisal',
  });
  if (step === 'province-approval') {
    expect((await act('tp.hanoi', id, { action: 'approve', data: example('housing-review@1') })).body).toMatchObject({
      currentStep: 'province-approval',
      processingUnit: 'HN',
    });
  }
  return id;
}
