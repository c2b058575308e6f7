import type { ProcessDefinition, StepDefinition } from '../../../domain/process/process-definition';
import { DINH_QUAN_FUND_ID } from '../../../scripts/seed/dinh-quan-2024/dinh-quan-fund';

/** Seed 003's campaign processes run in Định Quán (Đồng Nai), with its own demo accounts and district fund. */
export const inDinhQuan = (definition: ProcessDefinition): boolean => definition.key.startsWith('fund-campaign-');

/** The Định Quán demo account that takes a step: Phú Vinh's Fatherland Front, the district board, its fund. */
export function dinhQuanUserFor(step: StepDefinition): string {
  const users: Record<string, string> = {
    'front_officer@commune': 'mttq.phuvinh',
    'front_officer@district': 'bvd.dinhquan',
    'treasurer@district': 'quy.dinhquan',
    'unit_head@district': 'lanhdao.dinhquan',
  };
  const user = users[`${step.role}@${step.level}`];
  if (!user) throw new Error(`no Định Quán demo user for ${step.role} at ${step.level}`);
  return user;
}

/** Who reads and who administers the Định Quán dossiers; the fund they commit from. */
export const DINH_QUAN = { reader: 'bvd.dinhquan', admin: 'admin.dongnai', funds: [DINH_QUAN_FUND_ID] } as const;
