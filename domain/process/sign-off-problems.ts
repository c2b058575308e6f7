import type { DefinitionProblem } from './definition-problem';
import { LEVELS, type Level, type ProcessDefinition } from './process-definition';
import { signerKey } from './sign-off-signers';

/** The actions a sign-off step's signers take; `withdraw` (by the applicant) is the only other one it may offer. */
const SIGNER_ACTIONS = new Set(['approve', 'return', 'reject']);

/**
 * What a step's `signOff` must satisfy before the definition is published (see SignOff): signers at a known level
 * where the dossier has a unit (a level some step of the definition is at, which creation checks), no signer twice,
 * a whole-number quorum from 1 to the number of signers, the step's own level and role among its signers, no form
 * of its own (and so no facts, summary or funding), not the initial step, an `approve` transition (the one the
 * signatures complete), no `submit`, no transition that requires form data, is `bulk` or has money effects, and
 * `approve`, `return` and `reject` taken by the signers, not the applicant.
 */
export function signOffProblems(def: ProcessDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const stepLevels = new Set<Level>(def.steps.map((s) => s.level));
  def.steps.forEach((step, i) => {
    const signOff = step.signOff;
    if (!signOff) return;
    const at = `/steps/${i}/signOff`;
    const keys = new Set<string>();
    signOff.by.forEach((signer, k) => {
      if (!LEVELS.includes(signer.level)) {
        problems.push({
          path: `${at}/by/${k}/level`,
          message: `unknown level '${String(signer.level)}' (one of ${LEVELS.join(', ')})`,
        });
      } else if (!stepLevels.has(signer.level)) {
        problems.push({
          path: `${at}/by/${k}/level`,
          message: `no step of this definition is at level '${signer.level}': a dossier may have no unit there to sign`,
        });
      }
      const key = signerKey(signer);
      if (keys.has(key)) {
        problems.push({
          path: `${at}/by/${k}`,
          message: `duplicate signer: role '${signer.role}' at level '${signer.level}'`,
        });
      }
      keys.add(key);
    });
    const quorum = signOff.quorum;
    if (quorum !== undefined && !(Number.isInteger(quorum) && quorum >= 1 && quorum <= signOff.by.length)) {
      problems.push({
        path: `${at}/quorum`,
        message: `quorum ${quorum} is out of range: a whole number from 1 to the ${signOff.by.length} signers`,
      });
    }
    if (!keys.has(signerKey(step))) {
      problems.push({
        path: `/steps/${i}/role`,
        message: `the step's own role '${step.role}' at level '${step.level}' must be one of its signers (it holds the step's clock)`,
      });
    }
    if (step.form || step.funding) {
      problems.push({
        path: `/steps/${i}/${step.form ? 'form' : 'funding'}`,
        message: "a sign-off step has no form of its own: its signers sign the earlier steps' data",
      });
    }
    if (step.id === def.initialStep) {
      problems.push({ path: at, message: 'the initial (applicant) step cannot be a sign-off step' });
    }
    if (!step.transitions.some((t) => t.action === 'approve')) {
      problems.push({
        path: `/steps/${i}/transitions`,
        message: 'a sign-off step needs an approve transition: the one the signatures complete',
      });
    }
    step.transitions.forEach((t, j) => {
      const path = `/steps/${i}/transitions/${j}`;
      if (!SIGNER_ACTIONS.has(t.action) && !(t.action === 'withdraw' && t.actor === 'applicant')) {
        problems.push({
          path: `${path}/action`,
          message: `a sign-off step offers approve, return and reject to its signers (and withdraw to the applicant), not '${t.action}'`,
        });
      }
      if (SIGNER_ACTIONS.has(t.action) && t.actor === 'applicant') {
        problems.push({ path: `${path}/actor`, message: `'${t.action}' at a sign-off step is taken by its signers` });
      }
      if (t.effects && t.effects.length > 0) {
        problems.push({
          path: `${path}/effects`,
          message: 'a sign-off step moves no money: its transitions have no effects',
        });
      }
      if (t.bulk) {
        problems.push({
          path: `${path}/bulk`,
          message: 'a sign-off step is signed dossier by dossier: it cannot be bulk',
        });
      }
    });
  });
  return problems;
}
