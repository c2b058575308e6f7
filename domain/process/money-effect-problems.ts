import type { DefinitionProblem } from './definition-problem';
import type { ProcessDefinition } from './process-definition';
import { TRANCHE_FACT_KINDS } from '../funds/tranche-facts';

/**
 * What a definition's money effects must satisfy before it is published (see MoneyEffect): tranche ids unique;
 * effects name declared tranches and facts some step brings; a commit only on a transition that requires form data
 * of a step that declares `funding`; a cancel_rest requires a comment and ends `completed`; no effect on a
 * transition that ends `rejected` or `withdrawn` (those release by themselves); one effect of a kind per
 * transition; and, when tranches are declared, something commits and each tranche is ordered and settled somewhere.
 * Tranche facts (`paid:<id>`, `ordered:<id>`, `left:<id>`, see trancheFacts) in a `when` must name a kind and a
 * declared tranche, and no step may bring a fact named with a `:`; a repeated tranche's `timesFact` must be a fact
 * some step brings; a tranche repeated more than once must be settled on
 * some transition from which a step that orders it again is reachable.
 */
export function moneyEffectProblems(def: ProcessDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const tranches = new Set<string>();
  const facts = new Set(def.steps.flatMap((step) => Object.keys(step.facts ?? {})));
  (def.tranches ?? []).forEach((t, i) => {
    if (tranches.has(t.id)) problems.push({ path: `/tranches/${i}/id`, message: `duplicate tranche id '${t.id}'` });
    tranches.add(t.id);
    const timesFact = t.repeat?.timesFact;
    if (timesFact !== undefined && !facts.has(timesFact)) {
      problems.push({ path: `/tranches/${i}/repeat/timesFact`, message: `no step brings the fact '${timesFact}'` });
    }
  });
  const seen = { commit: false, ordered: new Set<string>(), settled: new Set<string>() };
  def.steps.forEach((step, i) => {
    step.transitions.forEach((t, j) => {
      const at = `/steps/${i}/transitions/${j}`;
      const kinds = new Set<string>();
      (t.effects ?? []).forEach((effect, k) => {
        const path = `${at}/effects/${k}`;
        if (kinds.has(effect.kind)) problems.push({ path, message: `more than one '${effect.kind}' effect` });
        kinds.add(effect.kind);
        if ('amountFact' in effect && !facts.has(effect.amountFact)) {
          problems.push({ path: `${path}/amountFact`, message: `no step brings the fact '${effect.amountFact}'` });
        }
        if ('tranche' in effect && !tranches.has(effect.tranche)) {
          problems.push({ path: `${path}/tranche`, message: `tranche '${effect.tranche}' is not declared` });
        }
        if (effect.kind === 'commit') {
          seen.commit = true;
          if (!step.funding) problems.push({ path, message: `a commit needs step '${step.id}' to declare funding` });
          if (!t.requires?.includes('form'))
            problems.push({ path, message: 'a commit needs the transition to require form' });
        }
        if (effect.kind === 'order_payment') seen.ordered.add(effect.tranche);
        if (effect.kind === 'settle_payment') seen.settled.add(effect.tranche);
        if (effect.kind === 'cancel_rest') {
          if (!t.requires?.includes('comment'))
            problems.push({ path, message: 'cancel_rest requires a comment (the reason)' });
          if (t.end !== 'completed') problems.push({ path, message: "cancel_rest ends the dossier 'completed'" });
        }
      });
      if (t.effects?.length && (t.end === 'rejected' || t.end === 'withdrawn')) {
        problems.push({
          path: `${at}/effects`,
          message: `a transition that ends '${t.end}' releases by itself: no effects`,
        });
      }
    });
  });
  problems.push(...trancheFactProblems(def, tranches), ...repeatProblems(def));
  if (tranches.size > 0) {
    if (!seen.commit) problems.push({ path: '/tranches', message: 'tranches are declared but no transition commits' });
    for (const id of tranches) {
      if (!seen.ordered.has(id)) problems.push({ path: '/tranches', message: `tranche '${id}' is never ordered` });
      if (!seen.settled.has(id)) problems.push({ path: '/tranches', message: `tranche '${id}' is never settled` });
    }
  }
  return problems;
}

/** `when` facts in the engine's namespace (`<kind>:<tranche>`) must exist; forms may not bring facts named so. */
function trancheFactProblems(def: ProcessDefinition, tranches: ReadonlySet<string>): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const kinds: readonly string[] = TRANCHE_FACT_KINDS;
  def.steps.forEach((step, i) => {
    for (const name of Object.keys(step.facts ?? {})) {
      if (name.includes(':'))
        problems.push({ path: `/steps/${i}/facts`, message: `fact '${name}': names with ':' are the engine's` });
    }
    step.transitions.forEach((t, j) => {
      const fact = t.when?.fact;
      if (!fact?.includes(':')) return;
      const [kind = '', tranche = ''] = fact.split(':', 2);
      if (!kinds.includes(kind) || !tranches.has(tranche) || fact !== `${kind}:${tranche}`) {
        problems.push({
          path: `/steps/${i}/transitions/${j}/when/fact`,
          message: `unknown tranche fact '${fact}' (known: ${[...tranches].flatMap((id) => kinds.map((k) => `${k}:${id}`)).join(', ') || 'none'})`,
        });
      }
    });
  });
  return problems;
}

/** A tranche paid more than once must be ordered again after a settlement: some settle leads back to an order. */
function repeatProblems(def: ProcessDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const byId = new Map(def.steps.map((step) => [step.id, step]));
  (def.tranches ?? []).forEach((tranche, i) => {
    if (!tranche.repeat || tranche.repeat.max < 2) return;
    const orders = new Set(
      def.steps
        .filter((step) =>
          step.transitions.some((t) => t.effects?.some((e) => e.kind === 'order_payment' && e.tranche === tranche.id)),
        )
        .map((step) => step.id),
    );
    const settledTo = def.steps.flatMap((step) =>
      step.transitions
        .filter((t) => t.to && t.effects?.some((e) => e.kind === 'settle_payment' && e.tranche === tranche.id))
        .map((t) => t.to as string),
    );
    const reached = new Set<string>(settledTo);
    const queue = [...settledTo];
    while (queue.length > 0) {
      for (const t of byId.get(queue.shift() as string)?.transitions ?? []) {
        if (t.to && !reached.has(t.to)) {
          reached.add(t.to);
          queue.push(t.to);
        }
      }
    }
    if (![...orders].some((id) => reached.has(id))) {
      problems.push({
        path: `/tranches/${i}/repeat`,
        message: `tranche '${tranche.id}' is paid up to ${tranche.repeat.max} times, but no step that orders it is reachable after it is settled`,
      });
    }
  });
  return problems;
}
