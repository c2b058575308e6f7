import { useCallback, useEffect, useState } from 'react';
import type { AttentionList } from '../../../api-contract';
import { useAppServices } from '../app-services';
import { AppLink } from '../components/app-link';
import { BusyIndicator } from '../components/busy-indicator';
import { formatDateTime } from '../format/format-date-time';
import { UnitName } from '../units/unit-name';
import { AdminTable } from './admin-table';
import { AuditCheck } from './audit-check';
import type { AdminText } from './admin-text';
import { ApiProblems, type ApiFailure } from './api-problems';

/**
 * The dossiers of the administrator's units that need an operator (`GET /api/admin/attention`): an automatic step
 * keeps failing, so the dossier is held until the cause is repaired. Each row says which step, why in words, since
 * when and where the dossier is; the codes behind them are not shown.
 */
export function AttentionSection({ t }: { t: AdminText }) {
  const { api, navigate } = useAppServices();
  const [list, setList] = useState<AttentionList>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    setLoading(true);
    setFailure(undefined);
    const answer = await api.get<AttentionList>('/api/admin/attention');
    setLoading(false);
    if (!answer.ok) return setFailure(answer);
    setList(answer.value);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <p>{t.attentionIntro}</p>
      <ApiProblems failure={failure} />
      {loading ? <BusyIndicator label={t.loadingText} /> : null}
      {list ? (
        <AdminTable
          caption={t.attentionCaption}
          columns={[t.dossier, t.attentionActivity, t.attentionReason, t.attentionSince, t.attentionUnit]}
          empty={list.items.length === 0 ? t.noAttention : undefined}
        >
          {list.items.map((item) => (
            <tr key={item.dossierId} data-attention={item.dossierId}>
              <td data-label={t.dossier}>
                <AppLink to={{ name: 'dossier', id: item.dossierId }} navigate={navigate}>
                  {item.dossierId}
                </AppLink>
              </td>
              <td data-label={t.attentionActivity}>{t.activities[item.activity] ?? t.activities.projectDossier}</td>
              <td data-label={t.attentionReason}>{t.reasons[item.reason] ?? t.reasons.InvalidInput}</td>
              <td data-label={t.attentionSince}>{item.since ? formatDateTime(item.since) : ''}</td>
              <td data-label={t.attentionUnit}>
                <UnitName code={item.unitCode} />
              </td>
            </tr>
          ))}
        </AdminTable>
      ) : null}
      {list?.truncated ? <p className="app-notice">{t.attentionTruncated}</p> : null}
      <button type="button" className="app-button app-button-secondary" onClick={() => void load()}>
        {t.refresh}
      </button>
      <AuditCheck t={t} />
    </>
  );
}
