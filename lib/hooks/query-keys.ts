/**
 * Every TanStack Query key of the app, in one place: a hook that reads an answer and one that
 * changes it (and so invalidates or rewrites it) must name the same key. A prefix (`queryKeys.runs`)
 * matches every key that starts with it.
 */
export const queryKeys = {
  models: ["models"] as const,
  session: ["session"] as const,
  spend: ["spend"] as const,
  galleries: ["galleries"] as const,
  /** Every cached run (run page, matrix, the playground's feed). */
  runs: ["run"] as const,
  run: (id: string) => ["run", id] as const,
  /** Every page of history, whatever its filters. */
  history: ["runs"] as const,
  historyPage: (filters: object) => ["runs", filters] as const,
  /** Every compare view. */
  compares: ["compare"] as const,
  compare: (imageIds: readonly string[]) => ["compare", imageIds] as const,
  code: (path: string) => ["code", path] as const,
  /** Every page of the picks board, whatever its filters. */
  picks: ["picks"] as const,
  picksPage: (filters: object) => ["picks", filters] as const,
  scorecard: (filters: object) => ["scorecard", filters] as const,
};
