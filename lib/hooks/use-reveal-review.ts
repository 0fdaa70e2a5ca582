"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiPost } from "@/lib/http/api-client";
import { queryKeys } from "./query-keys";

/**
 * Shows a review's reviewers the model names and the tally (POST /api/galleries/:slug/reveal). The
 * results page is rendered on the server, so it is rendered again; the list of links says "revealed".
 */
export function useRevealReview(slug: string) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: () => apiPost(`/api/galleries/${encodeURIComponent(slug)}/reveal`, {}),
    onSuccess: () => {
      router.refresh();
      return queryClient.invalidateQueries({ queryKey: queryKeys.galleries });
    },
  });
}
