import type { DefinitionProblem } from './definition-problem';
import type { ProcessDefinition } from './process-definition';

/**
 * What a definition's money effects must satisfy before it is published (see MoneyEffect): tranche ids unique;
 * effects name declared tranches and facts some step brings; a commit only on a transition that requires form data
 * of a step that declares `funding`; a cancel_rest requires a comment and ends `completed`; no effect on a
 * transition that ends `rejected` or `withdrawn` (those release by themselves); one effect of a kind per
 * transition; and, when tranches are declared, something commits and each tranche is ordered and settled somewhere.
 */
export function moneyEffectProblems(def: ProcessDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const tranches = new Set<string>();
  (def.tranches ?? []).forEach((t, i) => {
    if (tranches.has(t.id)) problems.push({ path: `/tranches/${i}/id`, message: `duplicate tranche id '${t.id}'` });
    tranches.add(t.id);
  });
  const facts = new Set(def.steps.flatMap((step) => Object.keys(step.facts ?? {})));
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
  if (tranches.size > 0) {
    if (!seen.commit) problems.push({ path: '/tranches', message: 'tranches are declared but no transition commits' });
    for (const id of tranches) {
      if (!seen.ordered.has(id)) problems.push({ path: '/tranches', message: `tranche '${id}' is never ordered` });
      if (!seen.settled.has(id)) problems.push({ path: '/tranches', message: `tranche '${id}' is never settled` });
    }
  }
  return problems;
}
