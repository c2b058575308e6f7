import { randomUUID } from 'node:crypto';
import type { FundKind } from '../../../domain/funds/fund-kinds';
import type { Level } from '../../../domain/process/process-definition';
import type { Models } from '../../../storage/create-models';

/** Stores an active fund straight into `funds` (no campaign window, no admin event); answers its id. */
export async function insertFund(
  models: Models,
  fund: { id?: string; unitCode: string; level: Level; kind: FundKind; name: string },
): Promise<string> {
  const { id = randomUUID(), ...rest } = fund;
  await models.Fund.create({
    _id: id,
    ...rest,
    campaignFrom: null,
    campaignTo: null,
    active: true,
    createdAt: new Date(),
    createdBy: 'admin.hanoi',
  });
  return id;
}
