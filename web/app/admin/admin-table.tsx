import type { ReactNode } from 'react';

/**
 * A captioned table of the admin pages: column headings, one row saying `empty` when there is nothing, else the
 * rows given (their cells carry `data-label`, which the phone layout shows in place of the headings).
 */
export function AdminTable({
  caption,
  columns,
  empty,
  className,
  children,
}: {
  caption: string;
  columns: readonly string[];
  empty: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  return (
    <table className={className ? `app-table ${className}` : 'app-table'}>
      <caption className="app-caption">{caption}</caption>
      {empty === undefined ? (
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
      ) : null}
      <tbody>
        {empty === undefined ? (
          children
        ) : (
          <tr>
            <td colSpan={columns.length}>{empty}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
