import type { Level } from '../../domain/process/process-definition';
import type { Models } from '../../storage/create-models';
import type { FundDoc } from '../../storage/fund-schema';

/** A demo fund, made active with no campaign dates when no fund of that id exists yet (a second seed finds it). */
export async function ensureDemoFund(
  models: Models,
  fund: { fundId: string; unitCode: string; level: Level; kind: FundDoc['kind']; name: string },
): Promise<void> {
  if (await models.Fund.exists({ _id: fund.fundId })) return;
  await models.Fund.create({
    _id: fund.fundId,
    unitCode: fund.unitCode,
    level: fund.level,
    kind: fund.kind,
    name: fund.name,
    campaignFrom: null,
    campaignTo: null,
    active: true,
    createdAt: new Date(),
    createdBy: 'seed',
  });
}
