"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiDelete, apiGet } from "@/lib/http/api-client";
import { queryKeys } from "./query-keys";

interface SessionView {
  accessControl: boolean;
  signedIn: boolean;
}

export function useSession() {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: ({ signal }) => apiGet<SessionView>("/api/session", signal),
    staleTime: 5 * 60_000,
  });
}

/** Signs out, forgets every cached answer and goes to the sign-in page. */
export function useSignOut() {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: () => apiDelete("/api/session"),
    onSuccess: () => {
      queryClient.clear();
      router.replace("/sign-in");
    },
  });
}
