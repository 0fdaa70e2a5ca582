"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { CreateRunBody } from "@/lib/api/run-requests";
import type { CreateRunResponse } from "@/lib/api/views";
import { ApiError, apiPost } from "@/lib/http/api-client";
import { createIdempotencyKeys } from "./idempotency-keys";
import { queryKeys } from "./query-keys";

/** One model of a run request, as the playground sends it. */
export type CreateRunModel = CreateRunBody["models"][number];

/** Resends after a dropped connection; the Idempotency-Key makes a resend safe. */
const NETWORK_RETRIES = 3;

export function useCreateRun() {
  const queryClient = useQueryClient();
  const [keys] = useState(createIdempotencyKeys);
  return useMutation({
    mutationFn: (body: CreateRunBody) =>
      apiPost<CreateRunResponse>("/api/runs", body, { "Idempotency-Key": keys.keyFor(body) }),
    retry: (failures, error) =>
      error instanceof ApiError && error.code === "network_error" && failures < NETWORK_RETRIES,
    onSuccess: () => {
      keys.settled();
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.history }),
        queryClient.invalidateQueries({ queryKey: queryKeys.spend }),
      ]);
    },
  });
}
