import Link from "next/link";
import { namesInContext } from "@/lib/labels/names";
import { runSize } from "@/lib/labels/run-size";
import { Badge } from "@/components/ui/badge";
import { ImageIcon, StarIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { isTerminal } from "@/lib/models/job-status";
import type { RunSummary } from "@/lib/api/views";
import { StoredImage } from "@/components/ui/stored-image";
import { EditChanges } from "@/components/gallery/edit-changes";

const DATE = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export function RunSummaryCard({ run }: { run: RunSummary }) {
  const failed = run.statuses.filter((status) => status === "failed").length;
  const running = run.statuses.some((status) => !isTerminal(status));
  // A matrix, or one model several times, says its size; a plain run's model names say enough.
  const sized = run.promptCount > 1 || run.configCount > new Set(run.modelIds).size;
  return (
    <Link
      href={`/runs/${run.id}`}
      className="group flex h-full flex-col overflow-hidden rounded-card border border-line bg-surface shadow-card transition-colors hover:border-line-strong"
    >
      {/* Below 480px a strip of up to four thumbnails, so a card is not a screen tall. */}
      <div className="grid aspect-[4/1] grid-cols-4 grid-rows-1 gap-0.5 overflow-hidden bg-surface-sunken min-[480px]:aspect-[4/3] min-[480px]:grid-cols-2 min-[480px]:grid-rows-2">
        {run.thumbnails.length === 0 ? (
          <div className="col-span-4 grid place-items-center text-fg-subtle min-[480px]:col-span-2 min-[480px]:row-span-2">
            {running ? <Spinner className="size-5" /> : <ImageIcon className="size-6" />}
          </div>
        ) : (
          run.thumbnails
            .slice(0, 4)
            .map((thumbnail, index, all) => (
              <StoredImage
                key={thumbnail.url}
                src={thumbnail.url}
                alt=""
                loading="lazy"
                className={
                  all.length === 1
                    ? "col-span-4 size-full object-cover min-[480px]:col-span-2 min-[480px]:row-span-2"
                    : all.length === 2 || (all.length === 3 && index === 0)
                      ? "col-span-2 size-full object-cover min-[480px]:col-span-1 min-[480px]:row-span-2"
                      : "size-full object-cover"
                }
              />
            ))
        )}
      </div>
      <div className="grid flex-1 content-start gap-2 p-3.5">
        <p className="line-clamp-2 text-sm leading-snug font-medium text-fg group-hover:text-accent-strong">
          {run.prompt}
        </p>
        <p className="line-clamp-1 text-xs text-fg-subtle">
          {sized ? (
            <span className="font-medium text-fg-muted">{runSize(run.promptCount, run.configCount)} · </span>
          ) : null}
          {[...namesInContext(run.modelIds).values()].join(" · ")}
        </p>
        <EditChanges changes={run.editedFrom} compact />
        <div className="mt-auto flex items-center justify-between gap-2 pt-1">
          <time dateTime={run.createdAt} className="text-[11px] text-fg-subtle">
            {DATE.format(new Date(run.createdAt))}
          </time>
          {run.starredImageIds.length > 0 ? (
            <span className="ml-auto flex items-center gap-1 text-[11px] font-medium text-fg-muted tabular-nums">
              <StarIcon className="size-3.5 fill-current text-star" />
              {run.starredImageIds.length}
              <span className="sr-only">{" starred"}</span>
            </span>
          ) : null}
          {running ? (
            <Badge tone="accent">Running</Badge>
          ) : failed > 0 ? (
            <Badge tone="danger">{failed} failed</Badge>
          ) : null}
        </div>
      </div>
    </Link>
  );
}
