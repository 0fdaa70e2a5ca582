"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateGalleryBody } from "@/lib/api/gallery-requests";
import type { CreateGalleryResponse, GalleryListView } from "@/lib/api/views";
import { apiDelete, apiGet, apiPost } from "@/lib/http/api-client";

export const GALLERIES_QUERY_KEY = ["galleries"] as const;

export function useGalleries() {
  return useQuery({
    queryKey: GALLERIES_QUERY_KEY,
    queryFn: ({ signal }) => apiGet<GalleryListView>("/api/galleries", signal),
  });
}

export function useCreateGallery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGalleryBody) => apiPost<CreateGalleryResponse>("/api/galleries", body),
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
