"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreateGalleryBody, PatchGalleryBody } from "@/lib/api/gallery-requests";
import type { CreateGalleryResponse, GalleryListView, GallerySummary } from "@/lib/api/views";
import { apiDelete, apiGet, apiPatch, apiPost } from "@/lib/http/api-client";
import { queryKeys } from "./query-keys";

export function useGalleries() {
  return useQuery({
    queryKey: queryKeys.galleries,
    queryFn: ({ signal }) => apiGet<GalleryListView>("/api/galleries", signal),
  });
}

export function useCreateGallery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGalleryBody) => apiPost<CreateGalleryResponse>("/api/galleries", body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.galleries }),
  });
}

export function useRevokeGallery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slug: string) => apiDelete(`/api/galleries/${encodeURIComponent(slug)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.galleries }),
  });
}

/** The owner edits a link after sharing it: title, note, expiry. */
export function useUpdateGallery(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PatchGalleryBody) =>
      apiPatch<GallerySummary>(`/api/galleries/${encodeURIComponent(slug)}`, body),
    onSuccess: (summary) => {
      queryClient.setQueryData<GalleryListView>(queryKeys.galleries, (list) =>
        list
          ? { galleries: list.galleries.map((gallery) => (gallery.slug === slug ? summary : gallery)) }
          : list,
      );
    },
  });
}
