import { eventually } from './support/eventually';
import { proposalIn } from './support/form-examples';
import { useTestSystem } from './support/use-test-system';

/**
 * Citizen ids in answers follow needsFullCitizenId: full for the commune officer everywhere and for deciding roles
 * in a dossier's pages, masked in the district's inbox and for an administrator reading the dossier. No shipped
 * definition puts the id in the applicant summary, so the test writes it into the dossier's read-model summary, as
 * a definition naming it in `summary` would.
 */
const ctx = useTestSystem();
const ID = '001085012345';
const MASKED = '0010******45';

type Row = { id: string; applicant: Record<string, unknown> };

describe('citizen ids', () => {
  it('are masked in lists and for readers who do not decide, and full for those who do', async () => {
    const data = proposalIn('HN-HD-HC');
    data.household.citizenId = ID;
    const created = await ctx.api.call('POST', '/api/dossiers', {
      as: 'xa.hacau',
      body: { processKey: 'housing-support-2024', data },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const submissionId: string = Object.values(created.body.submissions as Record<string, { id: string }>)[0]!.id;
    const view = () => ctx.system.models.DossierView.findById(id, { currentRole: 1 }).lean();
    const summaryNamesId = () =>
      ctx.system.models.DossierView.updateOne({ _id: id }, { $set: { 'applicant.citizenId': ID } });
    const rowFor = async (as: string) => {
      const inbox = await ctx.api.call('GET', '/api/inbox', { as });
      expect(inbox.status).toBe(200);
      const row = (inbox.body.items as Row[]).find((item) => item.id === id);
      expect(row).toBeDefined();
      return row!;
    };
    // The commune officer, who receives people at the desk, sees the full id in its inbox …
    await eventually('the dossier in the read model', async () => ((await view()) ? true : undefined));
    await summaryNamesId();
    expect((await rowFor('xa.hacau')).applicant.citizenId).toBe(ID);
    // … the district, once the dossier is in its inbox, a masked one.
    const submitted = await ctx.api.call('POST', `/api/dossiers/${id}/actions`, {
      as: 'xa.hacau',
      body: { action: 'submit' },
    });
    expect(submitted.status).toBe(200);
    await eventually('the district step in the read model', async () =>
      (await view())?.currentRole === 'district_officer' ? true : undefined,
    );
    await summaryNamesId();
    expect((await rowFor('quan.hadong')).applicant.citizenId).toBe(MASKED);

    // In the dossier's own pages the district, which decides it, sees the full id; the city's administrator does not.
    const detail = (as: string) => ctx.api.call('GET', `/api/dossiers/${id}`, { as });
    const submission = (as: string) => ctx.api.call('GET', `/api/dossiers/${id}/submissions/${submissionId}`, { as });
    expect((await detail('quan.hadong')).body.applicant.citizenId).toBe(ID);
    expect((await submission('quan.hadong')).body.data.household.citizenId).toBe(ID);
    const adminDetail = await detail('admin.hanoi');
    expect(adminDetail.status).toBe(200);
    expect(adminDetail.body.applicant.citizenId).toBe(MASKED);
    const adminSubmission = await submission('admin.hanoi');
    expect(adminSubmission.body.data.household.citizenId).toBe(MASKED);
    expect(adminSubmission.body.data.household.headName).toBe(data.household.headName);
  });
});
