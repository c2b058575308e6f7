import type { FundKind } from '../../../domain/funds/fund-kinds';
import type { Level } from '../../../domain/process/process-definition';
import type { Models } from '../../../storage/create-models';
import { insertFund } from './insert-fund';

/** An active fund held by `unitCode` (at `level`; quận Hà Đông by default), stored straight in the database; its id. */
export const createTestFund = (
  models: Models,
  name: string,
  options: { id?: string; unitCode?: string; level?: Level; kind?: FundKind } = {},
): Promise<string> =>
  insertFund(models, {
    ...(options.id ? { id: options.id } : {}),
    unitCode: options.unitCode ?? 'HN-HD',
    level: options.level ?? 'district',
    kind: options.kind ?? 'fund_for_the_poor',
    name,
  });
