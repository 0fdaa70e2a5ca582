"use client";

import { useRouter } from "next/navigation";
import { RunResults } from "./run-results";

export function RunPageView({ runId }: { runId: string }) {
  const router = useRouter();
  return <RunResults runId={runId} headingLevel="h1" onRerun={(id) => router.push(`/runs/${id}`)} />;
}
