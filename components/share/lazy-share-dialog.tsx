"use client";

import dynamic from "next/dynamic";

/** The share dialog loads when someone presses Share: no page needs it at first paint. */
export const LazyShareDialog = dynamic(() => import("./share-dialog").then((module) => module.ShareDialog), {
  ssr: false,
});
