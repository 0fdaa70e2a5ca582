"use client";

import { type QueryClient, type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import type { PatchImageBody } from "@/lib/api/image-requests";
import type { CompareImagesView, ImagePatchResponse } from "@/lib/api/review-views";
import type { ImageView, RunView } from "@/lib/api/views";
import { apiPatch } from "@/lib/http/api-client";
import { queryKeys } from "./query-keys";

/** The cached answers an image's star and note show in: runs (run and matrix views) and compare views. */
const RUN_KEY = queryKeys.runs;
const COMPARE_KEY = queryKeys.compares;

interface AnnotateVariables {
  imageId: string;
  patch: PatchImageBody;
}

type Snapshot = [QueryKey, unknown][];

function replaceInRun(run: RunView | undefined, next: ImageView): RunView | undefined {
  if (!run?.jobs.some((job) => job.images.some((image) => image.id === next.id))) return run;
  const jobs = run.jobs.map((job) => ({
    ...job,
    images: job.images.map((image) => (image.id === next.id ? next : image)),
  }));
  return { ...run, jobs };
}

function replaceInCompare(view: CompareImagesView | undefined, next: ImageView) {
  if (!view?.images.some((entry) => entry.image.id === next.id)) return view;
  return {
    images: view.images.map((entry) => (entry.image.id === next.id ? { ...entry, image: next } : entry)),
  };
}

function findImage(queryClient: QueryClient, imageId: string): ImageView | undefined {
  for (const [, run] of queryClient.getQueriesData<RunView>({ queryKey: RUN_KEY })) {
    const found = run?.jobs.flatMap((job) => job.images).find((image) => image.id === imageId);
    if (found) return found;
  }
  for (const [, view] of queryClient.getQueriesData<CompareImagesView>({ queryKey: COMPARE_KEY })) {
    const found = view?.images.find((entry) => entry.image.id === imageId);
    if (found) return found.image;
  }
  return undefined;
}

function replaceEverywhere(queryClient: QueryClient, next: ImageView) {
  queryClient.setQueriesData<RunView>({ queryKey: RUN_KEY }, (run) => replaceInRun(run, next));
  queryClient.setQueriesData<CompareImagesView>({ queryKey: COMPARE_KEY }, (view) =>
    replaceInCompare(view, next),
  );
}

async function applyOptimistically(queryClient: QueryClient, { imageId, patch }: AnnotateVariables) {
  // A poll landing after this would paint the old star back for a moment.
  await Promise.all([
    queryClient.cancelQueries({ queryKey: RUN_KEY }),
    queryClient.cancelQueries({ queryKey: COMPARE_KEY }),
  ]);
  const snapshot: Snapshot = [
    ...queryClient.getQueriesData<RunView>({ queryKey: RUN_KEY }),
    ...queryClient.getQueriesData<CompareImagesView>({ queryKey: COMPARE_KEY }),
  ];
  const image = findImage(queryClient, imageId);
  if (image) {
    const note = patch.note === undefined ? image.note : patch.note.trim() || null;
    replaceEverywhere(queryClient, { ...image, starred: patch.starred ?? image.starred, note });
  }
  return snapshot;
}

/**
 * Stars an image or sets its note (PATCH /api/images/:id). Every view of the image shows the change
 * at once, takes the server's answer when it comes, and goes back to what it was if the server refuses.
 */
export function annotateImageOptions(queryClient: QueryClient) {
  return {
    // A star and its undo a keypress apart must reach the server in that order, or the undo is lost.
    scope: { id: "annotate-image" },
    mutationFn: ({ imageId, patch }: AnnotateVariables) =>
      apiPatch<ImagePatchResponse>(`/api/images/${encodeURIComponent(imageId)}`, patch),
    onMutate: (variables: AnnotateVariables) => applyOptimistically(queryClient, variables),
    onError: (_error: Error, _variables: AnnotateVariables, snapshot: Snapshot | undefined) => {
      for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
    },
    onSuccess: ({ image }: ImagePatchResponse) => {
      replaceEverywhere(queryClient, image);
      // The Starred filter of history, its "Share starred" and the picks board follow.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.history }),
        queryClient.invalidateQueries({ queryKey: queryKeys.picks }),
      ]);
    },
  };
}

export function useAnnotateImage() {
  const queryClient = useQueryClient();
  return useMutation(annotateImageOptions(queryClient));
}
