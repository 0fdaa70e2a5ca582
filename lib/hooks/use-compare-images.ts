"use client";

import { useQuery } from "@tanstack/react-query";
import type { CompareImagesView } from "@/lib/api/review-views";
import { apiGet } from "@/lib/http/api-client";
import { MAX_COMPARED_IMAGES } from "@/lib/models/run-limits";
import { queryKeys } from "./query-keys";

/** 2 to 12 images with their model, parameters and seed (GET /api/images?ids=…); none for other counts. */
export function useCompareImages(ids: string[]) {
  return useQuery({
    queryKey: queryKeys.compare(ids),
    queryFn: ({ signal }) =>
      apiGet<CompareImagesView>(`/api/images?ids=${ids.map(encodeURIComponent).join(",")}`, signal),
    enabled: ids.length >= 2 && ids.length <= MAX_COMPARED_IMAGES,
  });
}
