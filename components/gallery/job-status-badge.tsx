import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Spinner } from "@/components/ui/spinner";
import type { JobStatus } from "@/lib/models/job-status";

const STATUS: Record<JobStatus, { label: string; tone: BadgeTone }> = {
  queued: { label: "Queued", tone: "neutral" },
  running: { label: "Running", tone: "accent" },
  succeeded: { label: "Done", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  canceled: { label: "Canceled", tone: "neutral" },
};

export function JobStatusBadge({ status }: { status: JobStatus }) {
  const { label, tone } = STATUS[status];
  return (
    <Badge tone={tone} data-status={status}>
      {status === "running" ? <Spinner className="size-3" /> : null}
      {label}
    </Badge>
  );
}
