import { randomUUID } from 'node:crypto';
import type { FundKind } from '../../../domain/funds/fund-kinds';
import type { Models } from '../../../storage/create-models';

/** An active fund of quận Hà Đông (HN-HD) stored directly, without a campaign window; answers its id. */
export async function createTestFund(
  models: Models,
  name: string,
  kind: FundKind = 'fund_for_the_poor',
): Promise<string> {
  const id = randomUUID();
  await models.Fund.create({
    _id: id,
    unitCode: 'HN-HD',
    level: 'district',
    kind,
    name,
    campaignFrom: null,
    campaignTo: null,
    active: true,
    createdAt: new Date(),
    createdBy: 'admin.hanoi',
  });
  return id;
}
