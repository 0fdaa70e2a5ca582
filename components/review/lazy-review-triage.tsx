"use client";

import dynamic from "next/dynamic";

/** A review's keyboard triage loads after the ballot: nobody needs it to read the page. */
export const LazyReviewTriage = dynamic(
  () => import("./review-triage").then((module) => module.ReviewTriage),
  { ssr: false, loading: () => <div className="h-8" /> },
);
