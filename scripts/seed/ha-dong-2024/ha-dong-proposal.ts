import type { DemoHousehold } from './ha-dong-households';
import { haDongSource, type HaDongSourceKey } from './ha-dong-sources';
import type { PlannedSupport } from './ha-dong-supports';

/** A dossier to create: the process (the seed-era chain the plan ran on) and its first step's form data. */
export interface DemoProposal {
  processKey: string;
  processVersion: number;
  data: Record<string, unknown>;
}

const HOUSING_SOURCE: Partial<Record<HaDongSourceKey, string>> = {
  district_fund_for_the_poor: 'poor_fund',
  womens_union: 'mass_organisation',
  labour_federation: 'mass_organisation',
  youth_union_red_cross: 'mass_organisation',
  political_academy: 'socialised',
  red_cross: 'red_cross',
};
const EDUCATION_SPONSOR: Partial<Record<HaDongSourceKey, string>> = {
  district_fund_for_the_poor: 'district_fund',
  child_protection_fund: 'child_protection_fund',
  labour_federation: 'labour_federation',
  bia_ba_relic_board: 'relic_board',
};
/** The school level by age in the 2025–2026 school year; a pupil of age n is in grade n − 5. */
const LEVELS: readonly [maxAge: number, level: string][] = [
  [5, 'preschool'],
  [10, 'primary'],
  [14, 'lower_secondary'],
  [17, 'upper_secondary'],
];

/** The household block shared by the housing, savings-book and household-goods proposals. */
function householdOf(household: DemoHousehold): Record<string, unknown> {
  return {
    headName: household.headName,
    citizenId: household.citizenId,
    phone: household.phone,
    address: { detail: household.addressDetail, village: household.village, unitCode: household.unitCode },
    memberCount: household.memberCount,
    povertyStatus: 'near_poor',
    povertyCertificateNo: household.povertyCertificateNo,
  };
}

const SAVINGS_SOURCE: Partial<Record<HaDongSourceKey, string>> = {
  district_fund_for_the_poor: 'district_fund',
  district_social: 'socialised',
};
const GOODS_DESCRIPTION: Record<string, string> = {
  fridge: 'Tủ lạnh 180 lít',
  tv: 'Ti vi 43 inch',
  computer: 'Máy tính xách tay cho con học trực tuyến',
  e_bike: 'Xe đạp điện',
  bicycle: 'Xe đạp học sinh 24 inch',
};

/**
 * The first step's form data for one support of the plan, from the household's (invented) record, on the seed-era
 * chain the plan ran on. Dates are the plan's: proposals in spring 2024, the education support from the 2025–2026
 * school year.
 */
export function haDongProposal(support: PlannedSupport, household: DemoHousehold): DemoProposal {
  switch (support.programme) {
    case 'housing':
      return {
        processKey: 'housing-support-2024',
        processVersion: 4,
        data: {
          household: householdOf(household),
          housing: {
            currentCondition: 'dilapidated',
            conditionDescription:
              support.supportType === 'new_build'
                ? 'Nhà cấp 4 xây trước năm 1995, tường nứt, mái dột, không bảo đảm an toàn mùa mưa bão.'
                : 'Mái ngói dột và tường ẩm mốc; khung nhà còn sử dụng được nếu sửa chữa.',
            livingAreaM2: 18 + household.memberCount * 4,
            landStatus: 'legal_owned',
            noSupportLast10Years: true,
          },
          support: {
            type: support.supportType,
            requestedAmount: support.amount,
            ...(support.supportType === 'repair'
              ? { repairItems: ['Thay mái ngói', 'Chống thấm, trát lại tường'] }
              : {}),
            fundingSources: support.sources.map((share) => ({
              source: HOUSING_SOURCE[share.source] ?? 'socialised',
              sponsorName: haDongSource(share.source).name,
              amount: share.amount,
            })),
          },
          commune: { villageMeetingDate: '2024-03-15', agreementPercent: 95 },
        },
      };
    case 'education': {
      const child = household.children[support.child]!;
      const age = 2025 - child.birthYear;
      const [, level] = LEVELS.find(([maxAge]) => age <= maxAge) ?? LEVELS.at(-1)!;
      const source = support.sources[0]!.source;
      const sponsor = EDUCATION_SPONSOR[source] ?? (source.startsWith('ward_fund_') ? 'ward' : 'other');
      return {
        processKey: 'education-support-2024',
        processVersion: 1,
        data: {
          household: { headName: household.headName, unitCode: household.unitCode, nearPovertyExitDate: '2024-12-20' },
          child: {
            fullName: child.name,
            dateOfBirth: `${child.birthYear}-09-01`,
            citizenId: child.citizenId,
            schoolName: level === 'preschool' ? 'Trường Mầm non Hoa Sữa' : 'Trường liên cấp Hà Đông',
            level,
            ...(level === 'preschool' ? {} : { grade: Math.min(12, age - 5) }),
          },
          schoolYear: '2025-2026',
          studyMonths: support.yearlyAmount < 3_000_000 ? 5 : 9,
          amount: support.yearlyAmount,
          sponsor,
          ...(sponsor === 'other' ? { sponsorName: haDongSource(source).name } : {}),
        },
      };
    }
    case 'savings_book': {
      const source = support.sources[0]!.source;
      const fundingSource = SAVINGS_SOURCE[source] ?? (source.startsWith('ward_fund_') ? 'ward_fund' : 'other');
      return {
        processKey: 'savings-book-2024',
        processVersion: 1,
        data: {
          household: householdOf(household),
          beneficiary: { fullName: household.headName, citizenId: household.citizenId, relationshipToHead: 'Chủ hộ' },
          amount: support.amount,
          fundingSource,
          sponsorName: haDongSource(source).name,
          bank: 'vbsp',
          bankBranch: 'Phòng giao dịch Ngân hàng Chính sách xã hội quận Hà Đông',
          termMonths: 12,
          supportType: 'savings_book',
          beneficiaries: 1,
        },
      };
    }
    case 'household_goods': {
      const { line } = support;
      return {
        processKey: 'household-goods-2024',
        processVersion: 1,
        data: {
          household: householdOf(household),
          supportType: line.kind,
          goods: [{ kind: line.kind, description: GOODS_DESCRIPTION[line.kind], value: line.amount }],
          requestedAmount: line.amount,
          beneficiaries: 1,
          ...(line.source === 'red_cross'
            ? { sponsor: 'red_cross', sponsorName: haDongSource(line.source).name }
            : { sponsor: 'other', sponsorName: haDongSource(line.source).name }),
        },
      };
    }
  }
}
