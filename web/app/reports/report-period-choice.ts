// Browser-safe and DOM-free.

/** What the report page's period picker holds: a kind, a year and its part, two typed days, or a campaign. */
export interface ReportPeriodChoice {
  kind: 'quarter' | 'half' | 'year' | 'range' | 'campaign';
  year: number;
  /** The quarter (1–4) or the half (1–2). */
  part: number;
  /** The range's days as typed (dd/mm/yyyy). */
  from: string;
  to: string;
  /** The campaign plan chosen (its id), for `campaign`. */
  campaign?: string;
}

/** A campaign the page offers as a period: a plan of kind `campaign` (seed 003: 03/02–19/05/2024). */
export interface CampaignPeriod {
  id: string;
  title: string;
  unitCode: string;
  from: string;
  to: string;
}

/** The query of a campaign's period: its own days, from its first to its last (`from=…&to=…`). */
export function campaignPeriodQuery(campaign: CampaignPeriod): string {
  return `from=${campaign.from}&to=${campaign.to}`;
}

/** The current quarter of the day `today` (`yyyy-mm-dd`, Việt Nam): the page's first choice. */
export function initialPeriodChoice(today: string): ReportPeriodChoice {
  return {
    kind: 'quarter',
    year: Number(today.slice(0, 4)),
    part: Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1,
    from: '',
    to: '',
  };
}

/**
 * The query of a named period (`period=2025-Q1`, `period=2025-H2`, `period=2025`); a range's query is built by the
 * page from the typed days, once read (`from=…&to=…`).
 */
export function namedPeriodQuery(choice: ReportPeriodChoice): string {
  switch (choice.kind) {
    case 'quarter':
      return `period=${choice.year}-Q${choice.part}`;
    case 'half':
      return `period=${choice.year}-H${choice.part}`;
    default:
      return `period=${choice.year}`;
  }
}
