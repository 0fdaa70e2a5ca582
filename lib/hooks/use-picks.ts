"use client";

import { type InfiniteData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ListPicksQuery, ReorderPicksBody } from "@/lib/api/pick-requests";
import type { PickListView } from "@/lib/api/views";
import { apiGet, apiPut } from "@/lib/http/api-client";
import { queryKeys } from "./query-keys";

const PAGE_SIZE = 60;

export interface PicksFilters {
  search: string;
  modelId: string;
  /** A day, "2026-12-01", or empty. */
  since: string;
}

const pageKey = (filters: PicksFilters) => queryKeys.picksPage(filters);

/** The picks board (GET /api/picks), page after page, in board order. */
export function usePicks(filters: PicksFilters) {
  return useInfiniteQuery({
    queryKey: pageKey(filters),
    queryFn: ({ pageParam, signal }) => {
      const query: ListPicksQuery = {
        limit: String(PAGE_SIZE),
        cursor: pageParam || undefined,
        q: filters.search || undefined,
        model: filters.modelId || undefined,
        since: filters.since || undefined,
      };
      const present = Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]));
      return apiGet<PickListView>(`/api/picks?${new URLSearchParams(present)}`, signal);
    },
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor,
  });
}

type Pages = InfiniteData<PickListView, string>;

/** The loaded picks in the given order: the pages are flattened into one. */
function reordered(data: Pages | undefined, imageIds: string[]): Pages | undefined {
  if (!data) return data;
  const picks = data.pages.flatMap((page) => page.picks);
  const byId = new Map(picks.map((pick) => [pick.image.id, pick]));
  const queue = imageIds.flatMap((id) => byId.get(id) ?? []);
  const moved = new Set(queue.map((pick) => pick.image.id));
  const next = picks.map((pick) => (moved.has(pick.image.id) ? queue.shift()! : pick));
  const last = data.pages.at(-1);
  return {
    pages: [{ picks: next, ...(last?.nextCursor ? { nextCursor: last.nextCursor } : {}) }],
    pageParams: [data.pageParams[0] ?? ""],
  };
}

/**
 * Sets the board's order (PUT /api/picks/order): the board shows it at once, and goes back to what
 * it was if the server refuses.
 */
export function useReorderPicks(filters: PicksFilters) {
  const queryClient = useQueryClient();
  const key = pageKey(filters);
  return useMutation({
    mutationFn: (body: ReorderPicksBody) => apiPut<null>("/api/picks/order", body),
    onMutate: async ({ imageIds }: ReorderPicksBody) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<Pages>(key);
      queryClient.setQueryData<Pages>(key, (data) => reordered(data, imageIds));
      return before;
    },
    onError: (_error, _body, before) => queryClient.setQueryData(key, before),
    // Other filters' pages hold the old order.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.picks, refetchType: "none" }),
  });
}
