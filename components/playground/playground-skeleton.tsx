export const PLAYGROUND_GRID =
  "mx-auto grid max-w-[1600px] gap-6 px-4 py-5 sm:px-6 lg:grid-cols-[minmax(340px,400px)_1fr] lg:gap-8 lg:py-6";

export function PlaygroundSkeleton() {
  return (
    <div role="status" aria-label="Loading models" className={PLAYGROUND_GRID}>
      <div className="grid content-start gap-4">
        <div className="skeleton h-36 rounded-lg" />
        <div className="skeleton h-20 rounded-lg" />
        <div className="skeleton h-64 rounded-lg" />
      </div>
      <div className="skeleton min-h-[50vh] rounded-card" />
    </div>
  );
}
