"use client";

import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { SearchIcon, StarIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useModels } from "@/lib/hooks/use-models";
import { JOB_STATUSES, type JobStatus } from "@/lib/models/job-status";

export interface HistoryFilterValues {
  search: string;
  modelId: string;
  status: JobStatus | "";
  /** Only runs with a starred image. */
  starred: boolean;
}

const STATUS_LABELS: Record<JobStatus, string> = {
  queued: "Queued",
  running: "Running",
  succeeded: "Succeeded",
  failed: "Failed",
  canceled: "Canceled",
};

export function HistoryFilters({
  value,
  onChange,
}: {
  value: HistoryFilterValues;
  onChange: (value: HistoryFilterValues) => void;
}) {
  const { data } = useModels();
  return (
    <div className="grid w-full gap-2 sm:grid-cols-[minmax(0,18rem)_11rem_9rem_auto] lg:w-auto">
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-subtle" />
        <Input
          type="search"
          aria-label="Search prompts"
          placeholder="Search prompts"
          value={value.search}
          onChange={(event) => onChange({ ...value, search: event.target.value })}
          className="pl-9"
        />
      </div>
      <Select
        aria-label="Model"
        value={value.modelId}
        onChange={(event) => onChange({ ...value, modelId: event.target.value })}
      >
        <option value="">All models</option>
        {data?.models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.name} ({model.providerName})
          </option>
        ))}
      </Select>
      <Select
        aria-label="Status"
        value={value.status}
        onChange={(event) => onChange({ ...value, status: event.target.value as JobStatus | "" })}
      >
        <option value="">Any status</option>
        {JOB_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </Select>
      <Button
        aria-pressed={value.starred}
        onClick={() => onChange({ ...value, starred: !value.starred })}
        className="aria-pressed:border-accent/40 aria-pressed:bg-accent-soft aria-pressed:text-accent-strong"
      >
        <StarIcon className={cn(value.starred && "fill-current text-star")} />
        Starred
      </Button>
    </div>
  );
}
