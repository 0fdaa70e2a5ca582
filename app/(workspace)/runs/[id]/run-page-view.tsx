"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useRouter } from "next/navigation";
import { RunShareActions } from "@/components/share/run-share-actions";
import { SelectionBar } from "@/components/share/selection-bar";
import { ChevronLeftIcon } from "@/components/ui/icons";
import type { RunCopy } from "@/lib/api/views";
import { useSeedRun } from "@/lib/hooks/use-run";
import { RunResults } from "@/components/gallery/run-results";

export function RunPageView({ runId, initial }: { runId: string; initial: RunCopy | null }) {
  const router = useRouter();
  useSeedRun(initial);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <IntentLink
          href="/history"
          className="flex items-center gap-1 text-xs font-medium text-fg-muted hover:text-fg"
        >
          <ChevronLeftIcon className="size-3.5" />
          History
        </IntentLink>
        <RunShareActions runId={runId} />
      </div>
      <RunResults runId={runId} headingLevel="h1" triage onRerun={(id) => router.push(`/runs/${id}`)} />
      <SelectionBar />
    </>
  );
}
