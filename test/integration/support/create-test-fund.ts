import { randomUUID } from 'node:crypto';
import type { FundKind } from '../../../domain/funds/fund-kinds';
import type { Level } from '../../../domain/process/process-definition';
import type { Models } from '../../../storage/create-models';

/** An active fund held by `unitCode` (at `level`), created straight in the database; its id. */
export async function createTestFund(
  models: Models,
  name: string,
  options: { id?: string; unitCode?: string; level?: Level; kind?: FundKind } = {},
): Promise<string> {
  const id = options.id ?? randomUUID();
  await models.Fund.create({
    _id: id,
    unitCode: options.unitCode ?? 'HN-HD',
    level: options.level ?? 'district',
    kind: options.kind ?? 'fund_for_the_poor',
    name,
    campaignFrom: null,
    campaignTo: null,
    active: true,
    createdAt: new Date(),
    createdBy: 'admin.hanoi',
  });
  return id;
}
