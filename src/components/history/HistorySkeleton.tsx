/** Grey rows where the payments will be; hidden from screen readers, which hear the status text instead. */
export function HistorySkeleton({ rows }: { rows: number }) {
  return (
    <div className="ching-history__skeleton" aria-hidden="true">
      {Array.from({ length: rows }, (_, index) => (
        <div className="ching-history__skeleton-row" key={index}>
          <span className="ching-skeleton" />
          <span className="ching-skeleton ching-skeleton--value" />
        </div>
      ))}
    </div>
  );
}
