import { useState } from 'react';
import type { AuditVerification } from '../../../api-contract';
import { useAppServices } from '../app-services';
import { BusyIndicator } from '../components/busy-indicator';
import type { AdminText } from './admin-text';
import { ApiProblems, type ApiFailure } from './api-problems';

/**
 * The button that checks the audit trail (`GET /api/admin/audit/verify`) and its answer: intact, or the first
 * problem in words with the link and record it concerns. The check reads the whole chain, so it shows progress
 * while it runs and the button is disabled meanwhile.
 */
export function AuditCheck({ t }: { t: AdminText }) {
  const { api } = useAppServices();
  const [result, setResult] = useState<AuditVerification>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [checking, setChecking] = useState(false);
  const check = async () => {
    setChecking(true);
    setFailure(undefined);
    setResult(undefined);
    const answer = await api.get<AuditVerification>('/api/admin/audit/verify');
    setChecking(false);
    if (!answer.ok) return setFailure(answer);
    setResult(answer.value);
  };
  const broken = result?.firstBroken;
  return (
    <section aria-label={t.auditCheck} data-audit-check>
      <h2>{t.auditCheck}</h2>
      <p>{t.auditIntro}</p>
      <button type="button" className="app-button" disabled={checking} onClick={() => void check()}>
        {t.auditCheck}
      </button>
      {checking ? <BusyIndicator label={t.auditChecking} /> : null}
      <ApiProblems failure={failure} />
      {result?.ok ? (
        <p className="app-notice" role="status" data-audit-result="ok">
          {t.auditOk(result.checked)}
        </p>
      ) : null}
      {broken ? (
        <div className="app-error" role="alert" data-audit-result={broken.problem}>
          <p>{t.auditBroken(result.checked)}</p>
          <p>
            {t.auditProblems[broken.problem]} ({t.auditWhere(broken.seq, broken.collection, broken.id)})
          </p>
        </div>
      ) : null}
    </section>
  );
}
