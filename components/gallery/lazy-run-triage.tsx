"use client";

import dynamic from "next/dynamic";

/** The run page's keyboard triage loads after the page: no first view needs it. */
export const LazyRunTriage = dynamic(() => import("./run-triage").then((module) => module.RunTriage), {
  ssr: false,
});
