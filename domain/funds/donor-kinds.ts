/**
 * Who gave the money a receipt records (seed 003: "các tổ chức, doanh nghiệp, các nhà hảo tâm", Vietnamese living
 * abroad, the Fatherland Front's member organisations), so a campaign report can add contributions up by kind.
 */
export const DONOR_KINDS = [
  'organisation',
  'enterprise',
  'individual',
  'overseas_vietnamese',
  'member_organisation',
] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];

/** Who gave: the kind, and the donor's name as the receipt is written (an organisation's or a person's). */
export interface Donor {
  kind: DonorKind;
  name: string;
}

/** The names people see for each kind of donor (reports, the receipt form); Vietnamese first. */
export const DONOR_KIND_LABELS: Readonly<Record<DonorKind, { vi: string; en: string }>> = Object.freeze({
  organisation: { vi: 'Cơ quan, tổ chức', en: 'Agencies and organisations' },
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprises' },
  individual: { vi: 'Cá nhân, nhà hảo tâm', en: 'Individuals and benefactors' },
  overseas_vietnamese: { vi: 'Người Việt Nam ở nước ngoài', en: 'Overseas Vietnamese' },
  member_organisation: { vi: 'Tổ chức thành viên của Mặt trận', en: "The Front's member organisations" },
});

/** A receipt recorded without its donor (before donors were recorded, or a transfer with no name). */
export const UNKNOWN_DONOR_LABEL = { vi: 'Chưa ghi người ủng hộ', en: 'Donor not recorded' } as const;
