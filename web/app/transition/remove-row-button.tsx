/** The "Bỏ" link of one row of a plan's list, named for what it removes (`label`: "Bỏ Quy trình kết thúc thứ 1"). */
export function RemoveRowButton({ label, text, onRemove }: { label: string; text: string; onRemove(): void }) {
  return (
    <button type="button" className="app-link-button" aria-label={label} onClick={onRemove}>
      {text}
    </button>
  );
}
