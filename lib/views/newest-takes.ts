interface Take {
  promptIndex: number;
  configIndex: number;
  take: number;
}

/**
 * The newest take of each cell, in the order the cells first appear: what a run's cells are now
 * (a failed take that a Retry replaced no longer counts as a failure).
 */
export function newestTakes<T extends Take>(jobs: readonly T[]): T[] {
  const cells = new Map<string, T>();
  for (const job of jobs) {
    const key = `${job.promptIndex}:${job.configIndex}`;
    const current = cells.get(key);
    if (!current || job.take > current.take) cells.set(key, job);
  }
  return [...cells.values()];
}
