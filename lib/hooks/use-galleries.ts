"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiDelete, apiGet, apiPost } from "@/lib/http/api-client";
import type { CreateGalleryResponse, GalleryListView } from "@/lib/jobs/run-view";

export const GALLERIES_QUERY_KEY = ["galleries"] as const;

export interface CreateGalleryInput {
  title?: string;
  note?: string;
  runIds?: string[];
  imageIds?: string[];
}

export function useGalleries() {
  return useQuery({
    queryKey: GALLERIES_QUERY_KEY,
    queryFn: ({ signal }) => apiGet<GalleryListView>("/api/galleries", signal),
  });
}

export function useCreateGallery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateGalleryInput) => apiPost<CreateGalleryResponse>("/api/galleries", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: GALLERIES_QUERY_KEY }),
  });
}

export function useRevokeGallery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slug: string) => apiDelete(`/api/galleries/${encodeURIComponent(slug)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: GALLERIES_QUERY_KEY }),
  });
}
