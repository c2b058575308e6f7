import { DEMO_ACCOUNTS } from '../../demo-accounts';
import type { DossierRoute, StepMove } from '../demo-driver/drive-dossier';
import type { DemoHousehold } from './ha-dong-households';
import { haDongSource } from './ha-dong-sources';
import type { PlannedSupport } from './ha-dong-supports';

/** The officers of the seed-era chain who act on the plan's dossiers (scripts/demo-accounts.ts). */
const DISTRICT = 'quan.hadong';
const CITY = 'tp.hanoi';
const DISTRICT_TREASURY = 'quy.hadong';
const CITY_TREASURY = 'khobac.hanoi';

/** The commune officer of the household's ward. */
export function wardOfficer(household: DemoHousehold): string {
  const account = DEMO_ACCOUNTS.find((a) => a.role === 'commune_officer' && a.unitCode === household.unitCode);
  if (!account) throw new Error(`no demo commune officer for ${household.unitCode}`);
  return account.username;
}

const approve = (as: string, data: Record<string, unknown>): StepMove => ({ as, body: { action: 'approve', data } });
const order = (amount: number, orderDate: string, note: string) =>
  approve(DISTRICT_TREASURY, { amount, orderDate, method: 'transfer', note });
const confirmed = (paidOn: string, receiptNumber: string) => approve(CITY_TREASURY, { paidOn, receiptNumber });

/**
 * How one support of the plan goes through its seed-era chain, as the district, the city and the treasuries
 * decided it, up to `stopAt` (a step where the dossier is left waiting, so that inboxes hold real work) or to its
 * end. `photo` is the file id of the completion photo the ward uploaded.
 */
export function haDongRoute(
  support: PlannedSupport,
  household: DemoHousehold,
  options: { stopAt?: string; photo?: string; serial: number },
): DossierRoute {
  const ward = wardOfficer(household);
  const split = support.sources.map((share) => ({ fundId: haDongSource(share.source).fundId, amount: share.amount }));
  const number = String(options.serial).padStart(3, '0');
  return (step, facts) => {
    if (step === options.stopAt) return 'stop';
    switch (`${support.programme}/${step}`) {
      case 'housing/proposal':
      case 'education/proposal':
      case 'savings_book/proposal':
      case 'household_goods/proposal':
        return { as: ward, body: { action: 'submit' } };
      case 'savings_book/district-decision':
      case 'household_goods/district-decision':
        return approve(DISTRICT, {
          decisionNumber: `${number}/QĐ-UBND`,
          decisionDate: '2024-05-20',
          approvedAmount: support.amount,
          fundingSplit: split,
          signer: 'Lê Minh Tuấn',
          signerTitle: 'Phó Chủ tịch Ủy ban nhân dân quận Hà Đông',
        });
      case 'savings_book/payment-order':
      case 'household_goods/payment-order':
        return order(support.amount, '2024-06-03', 'Chi hỗ trợ theo Kế hoạch năm 2024 của quận');
      case 'savings_book/payment-confirmation':
      case 'household_goods/payment-confirmation':
        return confirmed('2024-06-05', `UNC-${number}`);
      case 'housing/district-review':
        return approve(DISTRICT, {
          opinion: 'agree',
          approvedAmount: support.amount,
          fieldVisitDate: '2024-04-02',
          appraisalNotes: 'Đã kiểm tra thực tế: hộ đủ điều kiện theo Kế hoạch hỗ trợ hộ cận nghèo năm 2024 của quận.',
          reviewerTitle: 'Trưởng phòng Lao động - Thương binh và Xã hội quận',
        });
      case 'housing/province-approval':
      case 'housing/district-approval':
        return approve(step === 'province-approval' ? CITY : DISTRICT, {
          decisionNumber: `${number}/QĐ-UBND`,
          decisionDate: '2024-04-18',
          approvedAmount: support.amount,
          fundingSplit: split,
          signer: 'Lê Minh Tuấn',
          signerTitle: 'Phó Chủ tịch Ủy ban nhân dân quận Hà Đông',
        });
      case 'housing/advance-order':
        return order(support.amount / 2, '2024-05-06', 'Tạm ứng đợt 1 khi khởi công');
      case 'housing/advance-confirmation':
        return confirmed('2024-05-08', `UNC-${number}-1`);
      case 'housing/completion-acceptance':
        return approve(ward, {
          acceptanceDate: '2024-08-23',
          minutesNumber: `${number}/BB-NT`,
          board: [
            { name: 'Phạm Văn Thắng', title: 'Phó Chủ tịch Ủy ban nhân dân phường' },
            { name: 'Đỗ Thị Lan', title: 'Chủ tịch Ủy ban Mặt trận Tổ quốc phường' },
          ],
          result: 'passed',
          photos: [{ fileId: options.photo, caption: 'Nhà sau khi hoàn thành' }],
        });
      case 'housing/rest-order':
        return order(support.amount / 2, '2024-09-03', 'Thanh toán phần còn lại sau nghiệm thu');
      case 'housing/rest-confirmation':
        return confirmed('2024-09-05', `UNC-${number}-2`);
      case 'education/district-decision':
        if (support.programme !== 'education') break;
        return approve(DISTRICT, {
          decisionNumber: `${number}/QĐ-UBND`,
          decisionDate: '2025-09-15',
          yearlyAmount: support.yearlyAmount,
          schoolYears: support.schoolYears,
          approvedAmount: support.amount,
          fundingSplit: split,
          signer: 'Lê Minh Tuấn',
        });
      case 'education/year-order':
        if (support.programme !== 'education') break;
        return order(
          support.yearlyAmount,
          '2025-10-01',
          `Hỗ trợ năm học (lần ${Number(facts['paid:schoolYear'] ?? 0) + 1})`,
        );
      case 'education/year-confirmation':
        return confirmed('2025-10-03', `UNC-${number}-${Number(facts['paid:schoolYear'] ?? 0) + 1}`);
    }
    throw new Error(`no move for ${support.programme} at ${step}`);
  };
}
