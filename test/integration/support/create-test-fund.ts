import type { FundKind } from '../../../domain/funds/fund-kinds';
import type { Models } from '../../../storage/create-models';
import { insertFund } from './insert-fund';

/** An active fund of quận Hà Đông (HN-HD) stored directly, without a campaign window; answers its id. */
export const createTestFund = (models: Models, name: string, kind: FundKind = 'fund_for_the_poor'): Promise<string> =>
  insertFund(models, { unitCode: 'HN-HD', level: 'district', kind, name });
