import type { FactValue, LocalizedText, ProcessDefinition, TrancheDefinition } from '../process/process-definition';
import type { DossierMoney, TrancheOrder } from './dossier-money';

/**
 * Where a tranche's payment orders live in a dossier's money state (and `payment_orders.trancheId`): a one-off
 * tranche under its id (`advance`), each instance of a repeated tranche under `<id>#<n>` (`schoolYear#2`). Tranche
 * ids are letters and digits only, so the two never collide. The transfer reference writes the `#` as `-`
 * (`HS-<dossier>-schoolYear-2`, see `paymentReference`), which bank statements keep intact.
 */
export function instanceKey(tranche: TrancheDefinition | string, n: number, repeated: boolean): string {
  const id = typeof tranche === 'string' ? tranche : tranche.id;
  return repeated ? `${id}#${n}` : id;
}

/** The declared tranche id of a money-state key (`schoolYear#2` → `schoolYear`, `advance` → `advance`). */
export function trancheOfKey(key: string): string {
  const hash = key.indexOf('#');
  return hash < 0 ? key : key.slice(0, hash);
}

/** The reference printed on a transfer for an order of `key`: `HS-<dossier>-<tranche>[-<instance>]`. */
export function paymentReference(dossierId: string, key: string): string {
  return `HS-${dossierId}-${key.replace('#', '-')}`;
}

/** A tranche's orders, in instance order (1..n); a one-off tranche has at most one. */
export function ordersOf(money: DossierMoney | undefined, tranche: TrancheDefinition): TrancheOrder[] {
  if (!money) return [];
  if (!tranche.repeat) return money.tranches[tranche.id] ? [money.tranches[tranche.id] as TrancheOrder] : [];
  const orders: TrancheOrder[] = [];
  for (let n = 1; money.tranches[instanceKey(tranche, n, true)]; n++) {
    orders.push(money.tranches[instanceKey(tranche, n, true)] as TrancheOrder);
  }
  return orders;
}

/**
 * How many times the tranche must be paid for the dossier to complete: once for a one-off tranche; for a repeated
 * one `repeat.max`, or, when it names a `timesFact` and the dossier's `facts` hold that fact as an integer ≥ 1,
 * min(max, that fact) (a decision for 2 school years: 2). A missing or malformed fact leaves `max`, which is what
 * definitions without `timesFact` always get, so their dossiers behave as before.
 */
export function timesDue(tranche: TrancheDefinition, facts?: Readonly<Record<string, FactValue>>): number {
  if (!tranche.repeat) return 1;
  const { max, timesFact } = tranche.repeat;
  const times = timesFact === undefined ? undefined : facts?.[timesFact];
  return typeof times === 'number' && Number.isSafeInteger(times) && times >= 1 ? Math.min(max, times) : max;
}

/** The number of paid orders of a tranche. */
export const paidCount = (money: DossierMoney | undefined, tranche: TrancheDefinition): number =>
  ordersOf(money, tranche).filter((o) => o.status === 'paid').length;

/**
 * The instance an `order_payment` on `trancheId` acts on: the open one when it failed (reissued in place), else
 * the next one; `full` when every instance due (timesDue with the dossier's `facts`) is ordered or paid already (a
 * one-off tranche: once ordered).
 */
export function instanceToOrder(
  definition: ProcessDefinition,
  money: DossierMoney,
  trancheId: string,
  facts?: Readonly<Record<string, FactValue>>,
): { key: string; n: number; existing: TrancheOrder | undefined; last: boolean } | { full: TrancheOrder } {
  const declared = definition.tranches ?? [];
  const tranche = declared.find((t) => t.id === trancheId) ?? { id: trancheId, title: { vi: '', en: '' } };
  const orders = ordersOf(money, tranche);
  const open = orders.at(-1);
  const repeated = tranche.repeat !== undefined;
  const n = open && open.status !== 'paid' ? orders.length : orders.length + 1;
  const due = timesDue(tranche, facts);
  if (open && (open.status === 'ordered' || n > due)) return { full: open };
  const existing = money.tranches[instanceKey(tranche, n, repeated)];
  const last = declared.at(-1)?.id === trancheId && n === due;
  return { key: instanceKey(tranche, n, repeated), n, existing, last };
}

/** The key of a tranche's open instance (the last ordered one), which settle_payment and fail_payment act on. */
export function openInstanceKey(definition: ProcessDefinition, money: DossierMoney, trancheId: string): string {
  const tranche = (definition.tranches ?? []).find((t) => t.id === trancheId);
  if (!tranche?.repeat) return trancheId;
  return instanceKey(tranche, Math.max(1, ordersOf(money, tranche).length), true);
}

/**
 * The title of a money-state key for people: the declared tranche's title, with the instance of a repeated one
 * (`schoolYear#2` → "Hỗ trợ năm học (lần 2)"); the key itself only when the definition does not declare it.
 */
export function instanceTitle(definition: ProcessDefinition, key: string): LocalizedText {
  const tranche = (definition.tranches ?? []).find((t) => t.id === trancheOfKey(key));
  if (!tranche) return { vi: key, en: key };
  const n = key.includes('#') ? Number(key.slice(key.indexOf('#') + 1)) : undefined;
  if (!tranche.repeat || n === undefined) return tranche.title;
  return { vi: `${tranche.title.vi} (lần ${n})`, en: `${tranche.title.en} (no. ${n})` };
}
