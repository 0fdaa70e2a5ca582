/** One model's share of a prompt's picks as a bar: plain CSS, usable on server and client pages. */
export function TallyBar({
  label,
  picks,
  ballots,
  winRate,
}: {
  label: string;
  picks: number;
  ballots: number;
  winRate: number;
}) {
  const percent = Math.round(winRate * 100);
  const summary = `${picks} of ${ballots} ${ballots === 1 ? "vote" : "votes"} · ${percent}%`;
  return (
    <span className="grid gap-1">
      <span className="flex items-baseline justify-between gap-3 text-xs">
        <span className="truncate font-medium">{label}</span>
        <span className="shrink-0 text-fg-muted tabular-nums">{summary}</span>
      </span>
      <span
        role="img"
        aria-label={`${label}: ${summary}`}
        className="block h-2 overflow-hidden rounded-full bg-surface-muted"
      >
        <span className="block h-full rounded-full bg-accent" style={{ width: `${percent}%` }} />
      </span>
    </span>
  );
}
