/**
 * Isomorphic: which take of a cell counts, by purpose. A cell (one prompt × one configuration) has
 * one take per attempt (its first job, each Retry or Another take adds one). Three rules, named
 * here so every page, export and count picks the same one for the same purpose.
 */

interface Take {
  promptIndex: number;
  configIndex: number;
  take: number;
}

/** The newest of some takes of one cell (undefined for none). */
function newest<T extends Take>(takes: readonly T[]): T | undefined {
  return takes.reduce<T | undefined>((best, job) => (!best || job.take > best.take ? job : best), undefined);
}

/**
 * CURRENT take: a cell's newest take is what the cell is now. Statuses, progress and history
 * count these (a failed take that a Retry replaced no longer counts as a failure). One per cell,
 * in the order the cells first appear.
 */
export function currentTakes<T extends Take>(jobs: readonly T[]): T[] {
  const cells = new Map<string, T>();
  for (const job of jobs) {
    const key = `${job.promptIndex}:${job.configIndex}`;
    const current = cells.get(key);
    if (!current || job.take > current.take) cells.set(key, job);
  }
  return [...cells.values()];
}

/** VIEWED take: what a cell shows on screen, the take picked with ← → if any, else the current one. */
export function viewedTake<T extends Take>(takes: readonly T[], picked: number | undefined): T | undefined {
  return takes.find((job) => job.take === picked) ?? newest(takes);
}

/**
 * EXPORTED take: what a still of the cell (the contact sheet) shows, the newest take with an image,
 * else the current one. A review wants the picture, even if a later retry failed or still runs.
 */
export function exportedTake<T extends Take & { images: readonly unknown[] }>(
  takes: readonly T[],
): T | undefined {
  return newest(takes.filter((job) => job.images.length > 0)) ?? newest(takes);
}
