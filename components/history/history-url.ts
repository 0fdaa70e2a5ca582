import { JOB_STATUSES, type JobStatus } from "@/lib/models/job-status";
import type { HistoryFilterValues } from "./history-filters";

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/**
 * The history filters a URL's query holds (?q=&model=&status=&starred=true), so Back and shared links
 * restore them.
 */
export function filtersFromQuery(query: SearchParams): HistoryFilterValues {
  const status = first(query.status);
  return {
    search: first(query.q),
    modelId: first(query.model),
    status: (JOB_STATUSES as readonly string[]).includes(status) ? (status as JobStatus) : "",
    starred: first(query.starred) === "true",
  };
}

/** The query for the filters, without empty ones: "" when nothing is filtered. */
export function queryFromFilters(filters: HistoryFilterValues): string {
  const query = new URLSearchParams();
  if (filters.search.trim()) query.set("q", filters.search);
  if (filters.modelId) query.set("model", filters.modelId);
  if (filters.status) query.set("status", filters.status);
  if (filters.starred) query.set("starred", "true");
  const text = query.toString();
  return text ? `?${text}` : "";
}
