import type { ComponentProps } from "react";
import { ImagePicks } from "@/components/picks/image-picks";
import { cn } from "@/components/ui/cn";
import { AlertIcon } from "@/components/ui/icons";
import { JobCard } from "./job-card";
import { JobImages } from "@/components/media/job-images";
import type { Density } from "./use-density";

type RunCellProps = Omit<ComponentProps<typeof JobCard>, "density"> & { density: Density };

/** One cell of a run: a card, or on the contact sheet its thumbnails only. */
export function RunCell({ density, ...props }: RunCellProps) {
  if (density !== "contact") return <JobCard density={density} {...props} />;
  const { job, label } = props;
  const failed = job.status === "failed" || job.status === "canceled";
  return (
    // The matrix's contact sheet sets how wide thumbnails may be, so every row fits one screen.
    <article
      aria-label={`Result from ${label}`}
      data-status={job.status}
      data-take={job.take}
      style={{ maxWidth: "var(--thumbnail-cell)" }}
    >
      {failed ? (
        <p
          className={cn(
            "flex items-center justify-center gap-1 rounded text-[11px] font-medium",
            job.status === "failed" ? "bg-danger-soft text-danger" : "bg-surface-muted text-fg-muted",
          )}
          style={{ aspectRatio: props.slots * job.aspectRatio }}
          title={job.error?.summary ?? job.error?.message ?? job.status}
        >
          <AlertIcon className="size-3.5" />
          {job.status === "failed" ? "Failed" : "Canceled"}
        </p>
      ) : (
        <JobImages
          job={job}
          label={label}
          onOpen={props.onOpenImage}
          slots={props.slots}
          selectable
          dense
          overlay={(image, name) => <ImagePicks image={image} name={name} dense />}
        />
      )}
    </article>
  );
}
