"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ScorecardQuery } from "@/lib/api/scorecard-requests";
import type { ScorecardView } from "@/lib/api/views";
import { apiGet } from "@/lib/http/api-client";
import { queryKeys } from "./query-keys";

export interface ScorecardFilters {
  search: string;
  /** A day, "2026-12-01", or empty. */
  since: string;
}

/** Which model wins for you (GET /api/scorecard); the previous answer stays while a new filter loads. */
export function useScorecard({ search, since }: ScorecardFilters) {
  return useQuery({
    queryKey: queryKeys.scorecard({ search, since }),
    queryFn: ({ signal }) => {
      const query: ScorecardQuery = { q: search || undefined, since: since || undefined };
      const present = Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]));
      return apiGet<ScorecardView>(`/api/scorecard?${new URLSearchParams(present)}`, signal);
    },
    placeholderData: keepPreviousData,
  });
}
