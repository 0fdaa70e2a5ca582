"use client";

import Link from "next/link";
import { type ReactNode, useCallback, useEffect, useRef } from "react";
import { ApiError } from "@/lib/http/api-client";
import { useFinishNotice } from "@/lib/hooks/use-finish-notice";
import { useRun } from "@/lib/hooks/use-run";
import { isRunFinished, type JobStatus } from "@/lib/models/job-status";
import type { RunView } from "@/lib/api/views";
import { buttonClasses } from "@/components/ui/button";
import { AlertIcon, ExternalIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { useElementWidth } from "@/components/ui/use-element-width";
import { ContactSheetLink } from "./contact-sheet-link";
import { CopyCodeButton } from "./copy-code-button";
import { EditChanges } from "./edit-changes";
import { CopyPromptButton } from "@/components/media/copy-prompt-button";
import { DensityToggle } from "./density-toggle";
import { EditRunButton } from "./edit-run-button";
import { runSize } from "@/lib/labels/run-size";
import { countingTakes } from "@/lib/models/takes";
import { NotifyButton } from "./notify-button";
import { RerunButton } from "./rerun-button";
import { RunGallery } from "./run-gallery";
import { fitDensity } from "./matrix-layout";
import { RunInputs } from "@/components/media/run-inputs";
import { useDensity } from "./use-density";
import { revealCell } from "./use-hidden-columns";

interface RunResultsProps {
  runId: string;
  onRerun: (runId: string) => void;
  /** "Edit & re-run" in place (the playground); without it the button opens the playground on the run. */
  onEdit?: (run: RunView) => void;
  headingLevel?: "h1" | "h2";
  showPermalink?: boolean;
  /** Called instead of showing "does not exist" when the run is gone (deleted elsewhere). */
  onMissing?: () => void;
  /** More actions beside the density toggle (the playground's Share and Download ZIP). */
  actions?: ReactNode;
  /** Keyboard triage of the matrix (the run page). */
  triage?: boolean;
}

const DATE = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

/**
 * Counts cells by the take that counts: a retried cell that succeeded is done, not failed. "1 failed"
 * brings the first failed cell into sight, wherever the matrix is scrolled.
 */
function RunProgress({
  run,
  onShowFailed,
}: {
  run: RunView;
  onShowFailed: (row: number, column: number) => void;
}) {
  const newest = countingTakes(run.jobs);
  const count = (status: JobStatus) => newest.filter((job) => job.status === status).length;
  const [done, failed, canceled] = [count("succeeded"), count("failed"), count("canceled")];
  const finished = isRunFinished(run);
  return (
    <p className="flex items-center gap-2 text-xs text-fg-muted" role="status">
      {finished ? null : <Spinner className="size-3.5 text-accent" />}
      {finished ? "Finished" : "Generating"} · {done} of {newest.length}{" "}
      {run.prompts.length > 1 ? "cells" : "configurations"} done
      {failed > 0 ? <FailedButton run={run} failed={failed} onShow={onShowFailed} /> : null}
      {canceled > 0 ? <span>· {canceled} canceled</span> : null}
    </p>
  );
}

function FailedButton(props: {
  run: RunView;
  failed: number;
  onShow: (row: number, column: number) => void;
}) {
  const first = countingTakes(props.run.jobs).find((job) => job.status === "failed");
  return (
    <button
      type="button"
      title="Show the first failed cell"
      onClick={() => first && props.onShow(first.promptIndex, first.configIndex)}
      className="-my-1 inline-flex min-h-6 items-center rounded px-1 text-danger underline decoration-danger/40 underline-offset-2 hover:decoration-danger"
    >
      · {props.failed} failed
    </button>
  );
}

export function RunResults({
  runId,
  onRerun,
  onEdit,
  headingLevel = "h2",
  showPermalink = false,
  onMissing,
  actions,
  triage = false,
}: RunResultsProps) {
  const { data: run, error } = useRun(runId);
  const [measure, width] = useElementWidth<HTMLDivElement>();
  const gallery = useRef<HTMLDivElement>(null);
  const galleryRef = useCallback(
    (element: HTMLDivElement | null) => {
      gallery.current = element;
      measure(element);
    },
    [measure],
  );
  const density = useDensity(
    fitDensity({ prompts: run?.prompts.length ?? 0, columns: run?.configs.length ?? 0 }, width),
  );
  useFinishNotice(run);
  const Heading = headingLevel;
  const missing = error instanceof ApiError && error.status === 404;
  useEffect(() => {
    if (missing) onMissing?.();
  }, [missing, onMissing]);

  if (error && !run) {
    if (missing && onMissing) return null;
    return (
      <div
        role="alert"
        className="flex items-start gap-3 rounded-card border border-danger/25 bg-danger-soft p-5 text-danger"
      >
        <AlertIcon className="mt-0.5 size-5 shrink-0" />
        <div className="grid gap-1">
          <p className="font-semibold">{missing ? "This run does not exist" : "Could not load this run"}</p>
          <p className="text-fg">{missing ? "It may have been deleted." : error.message}</p>
        </div>
      </div>
    );
  }

  if (!run) {
    return (
      <div className="flex items-center gap-2 text-fg-muted" role="status">
        <Spinner /> Loading run…
      </div>
    );
  }

  return (
    <section aria-labelledby={`run-${run.id}-title`} className="grid gap-5">
      {/* The title keeps at least 20rem: the actions wrap under it, and their alerts span the width. */}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid min-w-0 shrink grow-[999] basis-80 gap-1.5">
          <Heading
            id={`run-${run.id}-title`}
            className="line-clamp-3 text-base leading-snug font-semibold text-pretty sm:text-lg"
          >
            {run.prompts.length > 1 ? runSize(run.prompts.length, run.configs.length) : run.prompt}
          </Heading>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <time dateTime={run.createdAt} className="text-xs text-fg-subtle">
              {DATE.format(new Date(run.createdAt))}
            </time>
            <RunProgress
              run={run}
              onShowFailed={(row, column) => gallery.current && revealCell(gallery.current, row, column)}
            />
            {error ? <p className="text-xs text-warning">Connection trouble, retrying…</p> : null}
          </div>
        </div>
        <div className="flex min-w-0 grow flex-wrap gap-2">
          {isRunFinished(run) ? null : <NotifyButton />}
          <CopyPromptButton prompt={run.prompt} />
          <RerunButton run={run} onCreated={onRerun} />
          <CopyCodeButton
            path={`/api/runs/${encodeURIComponent(run.id)}/code`}
            title="The Prism API request that makes this run again"
          />
          <EditRunButton run={run} onEdit={onEdit} />
          {showPermalink ? (
            <Link href={`/runs/${run.id}`} className={buttonClasses("ghost", "sm")}>
              <ExternalIcon />
              Open run page
            </Link>
          ) : null}
        </div>
      </div>
      <RunInputs inputs={run.inputs} />
      <EditChanges changes={run.editedFrom} />
      <div ref={galleryRef} className="min-w-0">
        <RunGallery
          run={run}
          density={density}
          width={width}
          triage={triage}
          toolbar={
            <>
              {actions}
              <ContactSheetLink runId={run.id} />
              <DensityToggle value={density} />
            </>
          }
        />
      </div>
    </section>
  );
}
