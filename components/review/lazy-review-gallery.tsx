"use client";

import dynamic from "next/dynamic";

/**
 * Only review links need the voting UI: loaded on demand from a client module (a dynamic import in
 * the server page would land in the same chunk as the plain share page's gallery).
 */
export const LazyReviewGallery = dynamic(() =>
  import("./review-gallery").then((module) => module.ReviewGallery),
);
