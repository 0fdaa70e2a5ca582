"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { InvitesResponse, NextRoundResponse } from "@/lib/api/review-views";
import { apiPatch, apiPost } from "@/lib/http/api-client";
import { queryKeys } from "./query-keys";

/**
 * The owner's actions on a review's results page: close or reopen voting, take a ballot out of the
 * tally, start the next round, make invite links. The page is rendered on the server, so each
 * refreshes it.
 */
function useReviewMutation<TInput, TOutput>(request: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      router.refresh();
      return queryClient.invalidateQueries({ queryKey: queryKeys.galleries });
    },
  });
}

const base = (slug: string) => `/api/galleries/${encodeURIComponent(slug)}`;

export function useSetReviewOpen(slug: string) {
  return useReviewMutation((open: boolean) => apiPatch(base(slug), { review: { open } }));
}

export function useExcludeBallot(slug: string) {
  return useReviewMutation(({ id, excluded }: { id: string; excluded: boolean }) =>
    apiPatch(`${base(slug)}/ballots/${encodeURIComponent(id)}`, { excluded }),
  );
}

export function useNextRound(slug: string) {
  return useReviewMutation((top: number) => apiPost<NextRoundResponse>(`${base(slug)}/rounds`, { top }));
}

export function useCreateInvites(slug: string) {
  return useMutation({
    mutationFn: (names: string[]) => apiPost<InvitesResponse>(`${base(slug)}/invites`, { names }),
  });
}
