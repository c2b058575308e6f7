/** A visible, announced progress bar for anything that takes a moment (loading, sending a decision). */
export function BusyIndicator({ label }: { label: string }) {
  return (
    <div className="app-busy" role="status">
      <progress aria-label={label} />
      <span>{label}</span>
    </div>
  );
}
