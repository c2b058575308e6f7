import type { StructuralChange } from '../../../forms/structural-diff';
import type { AdminText } from './admin-text';
import { AdminTable } from './admin-table';

const shown = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));

/** The structural changes between two versions of a definition, one row per JSON-pointer operation. */
export function DiffTable({
  caption,
  changes,
  t,
}: {
  caption: string;
  changes: readonly StructuralChange[];
  t: AdminText;
}) {
  return (
    <AdminTable
      caption={caption}
      columns={[t.changeKind, t.path, t.before, t.after]}
      empty={changes.length === 0 ? t.noChanges : undefined}
      className="app-diff"
    >
      {changes.map((c, i) => (
        <tr key={`${c.path}-${i}`} className={`app-diff-${c.op}`} data-path={c.path}>
          <td data-label={t.changeKind}>{t.change[c.op]}</td>
          <td data-label={t.path}>
            <code>{c.path || '/'}</code>
          </td>
          <td data-label={t.before}>
            <code className="app-diff-value">{shown(c.before)}</code>
          </td>
          <td data-label={t.after}>
            <code className="app-diff-value">{shown(c.after)}</code>
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}
