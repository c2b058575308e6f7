import { createLedger } from '../../api/funds/create-ledger';
import type { FundKind } from '../../domain/funds/fund-kinds';
import type { Level } from '../../domain/process/process-definition';
import type { Models } from '../../storage/create-models';
import type { FundBankAccount } from '../../domain/funds/fund-accounts';
import { DINH_QUAN_FUND_ACCOUNT, DINH_QUAN_FUND_ID } from './dinh-quan-2024/dinh-quan-fund';

/**
 * The demo's funds, so that a new housing dossier can be approved with its split (housing-support-2024@4,
 * housing-support-2025@5): Hà Nội's Fund for the Poor and a city budget line, with the ids the shipped example
 * decision (forms/examples/housing-decision@3.json) names, Hà Đông's Fund for the Poor and Định Quán's (seed 003), each
 * with one receipt.
 */
export const DEMO_FUNDS: readonly {
  _id: string;
  unitCode: string;
  level: Level;
  kind: FundKind;
  name: string;
  bankAccount?: FundBankAccount;
  receipt: number;
}[] = [
  {
    _id: '3f6b2c1e-8a4d-4f7b-9c2e-1d5a7b9e0c34',
    unitCode: 'HN',
    level: 'province',
    kind: 'fund_for_the_poor',
    name: 'Quỹ Vì người nghèo thành phố Hà Nội',
    receipt: 20_000_000_000,
  },
  {
    _id: 'a1c9e5d2-6b3f-4e8a-b7d1-0f2c4e6a8b90',
    unitCode: 'HN',
    level: 'province',
    kind: 'state_budget',
    name: 'Ngân sách thành phố Hà Nội — hỗ trợ nhà ở hộ nghèo',
    receipt: 50_000_000_000,
  },
  {
    _id: '5d2e8f4a-1c7b-4a9e-8f3d-6b0c2a4e7d15',
    unitCode: 'HN-HD',
    level: 'district',
    kind: 'fund_for_the_poor',
    name: 'Quỹ Vì người nghèo quận Hà Đông',
    receipt: 5_000_000_000,
  },
  {
    // Seed 003: account 1000007061600643 at the Social Policy Bank's Định Quán transaction office.
    _id: DINH_QUAN_FUND_ID,
    unitCode: 'DN-DQ',
    level: 'district',
    kind: 'fund_for_the_poor',
    name: 'Quỹ “Vì người nghèo” huyện Định Quán',
    bankAccount: {
      accountNumber: DINH_QUAN_FUND_ACCOUNT.number,
      bankName: 'Ngân hàng Chính sách xã hội',
      branch: DINH_QUAN_FUND_ACCOUNT.bank.replace(' Ngân hàng Chính sách xã hội', ''),
    },
    receipt: 1_000_000_000,
  },
];

/**
 * Creates the demo funds that are missing and records their receipt once (its reference is derived from the fund,
 * so a second run appends nothing). Returns how many funds it created.
 */
export async function seedDemoFunds(models: Models): Promise<number> {
  const ledger = createLedger({ models });
  let created = 0;
  for (const { receipt, ...fund } of DEMO_FUNDS) {
    if (!(await models.Fund.exists({ _id: fund._id }))) {
      await models.Fund.create({
        ...fund,
        campaignFrom: null,
        campaignTo: null,
        active: true,
        createdAt: new Date(),
        createdBy: 'seed',
      });
      created += 1;
    }
    await ledger.receive(fund._id, { amount: receipt, reference: `demo-receipt:${fund._id}`, by: 'seed' });
  }
  return created;
}
