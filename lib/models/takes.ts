import { isTerminal, type JobStatus } from "./job-status";

/**
 * Isomorphic: which take of a cell counts. A cell (one prompt × one configuration) has one take per
 * attempt (its first job, each Retry or Another take adds one). One rule decides the take that
 * counts, and the matrix, the lightbox, the contact sheet, the share page, the ZIP, compare and
 * the run's counts all go through it, so they never disagree about a cell.
 */

interface Take {
  promptIndex: number;
  configIndex: number;
  take: number;
  status: JobStatus;
  /** When the owner chose this take with "Use this take"; the latest choice in a cell wins. */
  chosenAt?: string | Date | null;
}

/** The newest of some takes of one cell (undefined for none). */
function newest<T extends Take>(takes: readonly T[]): T | undefined {
  return takes.reduce<T | undefined>((best, job) => (!best || job.take > best.take ? job : best), undefined);
}

const chosenTime = (take: Take) => (take.chosenAt ? new Date(take.chosenAt).getTime() : -Infinity);

/**
 * The take that COUNTS for a cell: the succeeded take the owner chose last ("Use this take"), else
 * the newest succeeded one, else the newest take (what the cell is: queued, running, failed or
 * canceled). A canceled or failed extra take never hides a good one.
 */
export function countingTake<T extends Take>(takes: readonly T[]): T | undefined {
  const succeeded = takes.filter((job) => job.status === "succeeded");
  const chosen = succeeded
    .filter((job) => job.chosenAt)
    .reduce<T | undefined>(
      (best, job) => (!best || chosenTime(job) > chosenTime(best) ? job : best),
      undefined,
    );
  return chosen ?? newest(succeeded) ?? newest(takes);
}

/** The takes of each cell, in the order the cells first appear; cells of different runs never mix. */
export function takesByCell<T extends Take & { runId?: string }>(jobs: readonly T[]): T[][] {
  const cells = new Map<string, T[]>();
  for (const job of jobs) {
    const key = `${job.runId ?? ""}:${job.promptIndex}:${job.configIndex}`;
    cells.set(key, [...(cells.get(key) ?? []), job]);
  }
  return [...cells.values()];
}

/** The take that counts in each cell (countingTake), in the order the cells first appear. */
export function countingTakes<T extends Take & { runId?: string }>(jobs: readonly T[]): T[] {
  return takesByCell(jobs).map((takes) => countingTake(takes)!);
}

/** VIEWED take: the take picked with ← → if any, else the one that counts (the lightbox steps through these). */
export function viewedTake<T extends Take>(takes: readonly T[], picked: number | undefined): T | undefined {
  return takes.find((job) => job.take === picked) ?? countingTake(takes);
}

/**
 * What a cell's card shows: the take picked with ← →, else a newer take still queued or running
 * (so it can be watched and canceled), else the one that counts.
 */
export function shownTake<T extends Take>(takes: readonly T[], picked: number | undefined): T | undefined {
  const latest = newest(takes);
  const pending = latest && !isTerminal(latest.status) ? latest : undefined;
  return takes.find((job) => job.take === picked) ?? pending ?? countingTake(takes);
}

/** Takes after `shown` that failed or were canceled: the cell notes them ("take 2 canceled"). */
export function missedTakes<T extends Take>(takes: readonly T[], shown: T): T[] {
  return takes.filter(
    (job) => job.take > shown.take && (job.status === "failed" || job.status === "canceled"),
  );
}

/** Of some rows (a job's images, with its run and take), those of the take that counts in their cell. */
export function ofCountingTakes<T extends Take & { runId: string; jobId: string }>(rows: readonly T[]): T[] {
  const counted = new Set(countingTakes(rows).map((row) => row.jobId));
  return rows.filter((row) => counted.has(row.jobId));
}
