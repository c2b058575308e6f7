import { useEffect, useRef } from 'react';
import { useAppServices } from '../app-services';
import type { BulkAction } from '../dossier/inbox-bulk-actions';

export interface BulkSelectionBarProps {
  /** Rows on the page that may be selected, and how many are. */
  selectable: number;
  selected: number;
  /** The bulk actions every selected row allows. */
  actions: BulkAction[];
  onSelectAll(select: boolean): void;
  onClear(): void;
  onAction(action: BulkAction): void;
}

/**
 * Above the inbox's table when some rows can be decided together: a "select all on this page" checkbox (mixed
 * when only some are), how many are selected (announced politely), a button per action the selection shares, and
 * a way to clear it. Outside the table so that it stays usable at phone width, where the table's header is hidden.
 */
export function BulkSelectionBar({
  selectable,
  selected,
  actions,
  onSelectAll,
  onClear,
  onAction,
}: BulkSelectionBarProps) {
  const { lang, text } = useAppServices();
  const all = useRef<HTMLInputElement>(null);
  const allSelected = selectable > 0 && selected === selectable;
  useEffect(() => {
    if (all.current) all.current.indeterminate = selected > 0 && !allSelected;
  }, [selected, allSelected]);

  return (
    <section className="app-bulk-bar" aria-label={text.bulkToolbar}>
      <div className="app-check">
        <input
          id="bulk-select-all"
          ref={all}
          type="checkbox"
          checked={allSelected}
          onChange={(e) => onSelectAll(e.target.checked)}
        />
        <label htmlFor="bulk-select-all">{text.selectAllOnPage}</label>
      </div>
      <p className="app-bulk-count" aria-live="polite" data-testid="bulk-selected-count">
        {text.selectedCount(selected)}
      </p>
      {selected > 0 && actions.length === 0 ? <p className="app-muted">{text.bulkNoCommonAction}</p> : null}
      {selected > 0 ? (
        <div className="app-actions">
          {actions.map((a) => (
            <button
              key={a.action}
              type="button"
              className="app-button"
              data-bulk-action={a.action}
              onClick={() => onAction(a)}
            >
              {`${a.label?.[lang] ?? text.actions[a.action] ?? a.action} (${selected})`}
            </button>
          ))}
          <button type="button" className="app-button app-button-secondary" onClick={onClear}>
            {text.clearSelection}
          </button>
        </div>
      ) : null}
    </section>
  );
}
