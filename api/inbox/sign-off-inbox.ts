import type { QueryFilter } from 'mongoose';
import type { Models } from '../../storage/create-models';
import type { DossierStatus } from '../../domain/process/dossier-state';
import type { DossierViewDoc } from '../../storage/dossier-view-schema';
import type { OpenTimeliness } from '../sla/open-timeliness-filter';
import { signerInboxKey } from '../../read-model/sign-off-view-of';

interface InboxGrant {
  role: string;
  unitCode: string;
}

/**
 * The inbox's match for the caller's grants: a dossier whose current step is for one of them (role in the
 * processing unit) unless that grant has already signed it (a sign-off step's own role), and a dossier at a sign-off
 * step that still awaits one of them as a signer. A document without sign-off fields matches as it always did.
 */
export function inboxMatch(grants: readonly InboxGrant[]): QueryFilter<DossierViewDoc>[] {
  return [
    ...grants.map((g) => ({
      processingUnit: g.unitCode,
      currentRole: g.role,
      signersSigned: { $ne: signerInboxKey(g.role, g.unitCode) },
    })),
    ...grants.map((g) => ({ signersAwaited: signerInboxKey(g.role, g.unitCode) })),
  ];
}

/**
 * What the SLA counters (which count a dossier under its step's role in its processing unit) get wrong for the
 * caller's inbox at sign-off steps, per open timeliness: +1 for a dossier that awaits one of the caller's grants as
 * a signer but is not counted under any of them, −1 for one counted under a grant that has already signed and awaits
 * none of the others. One indexed read of the few dossiers at sign-off steps that concern the caller.
 */
export async function signOffCountAdjustment(
  models: Models,
  grants: readonly InboxGrant[],
  filters: { programme?: string; status?: DossierStatus },
): Promise<Record<'total' | OpenTimeliness, number>> {
  const delta: Record<'total' | OpenTimeliness, number> = { total: 0, not_due: 0, near_due: 0, overdue: 0, stopped: 0 };
  const keys = grants.map((g) => signerInboxKey(g.role, g.unitCode));
  const docs = await models.DossierView.find(
    {
      $or: [
        { signersAwaited: { $in: keys } },
        ...grants.map((g) => ({
          processingUnit: g.unitCode,
          currentRole: g.role,
          signersSigned: signerInboxKey(g.role, g.unitCode),
        })),
      ],
      ...(filters.programme ? { programme: filters.programme } : {}),
      ...(filters.status ? { status: filters.status } : {}),
    },
    { openBucket: 1, processingUnit: 1, currentRole: 1, signersAwaited: 1, signersSigned: 1 },
  ).lean();
  for (const d of docs) {
    const queued = (g: InboxGrant) => d.processingUnit === g.unitCode && d.currentRole === g.role;
    const counted = grants.some(queued);
    const shown = grants.some((g) => {
      const key = signerInboxKey(g.role, g.unitCode);
      return d.signersAwaited?.includes(key) || (queued(g) && !d.signersSigned?.includes(key));
    });
    const change = (shown ? 1 : 0) - (counted ? 1 : 0);
    if (change === 0) continue;
    delta.total += change;
    if (d.openBucket) delta[d.openBucket] += change;
  }
  return delta;
}
