"use client";

import dynamic from "next/dynamic";

/**
 * The lightbox for pages that are mostly looked at, not worked in (a share page): its code (the
 * dialog, copy and download controls, cost labels) loads when someone first opens an image.
 */
export const LazyLightbox = dynamic(() => import("./lightbox").then((module) => module.Lightbox), {
  ssr: false,
});
