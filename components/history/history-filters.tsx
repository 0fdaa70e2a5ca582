"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { SlidersIcon, StarIcon } from "@/components/ui/icons";
import { Select } from "@/components/ui/select";
import { SearchModelFields } from "@/components/filters/search-model-fields";
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
  // On a phone the filters fold into one button, so the runs start on the first screen.
  const [open, setOpen] = useState(false);
  const id = useId();
  const active = [value.search, value.modelId, value.status, value.starred].filter(Boolean).length;
  return (
    <>
      <Button
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="self-start sm:hidden"
      >
        <SlidersIcon />
        Filters{active > 0 ? ` · ${active}` : ""}
      </Button>
      <div
        id={id}
        className={cn(
          "grid w-full gap-2 sm:grid-cols-[minmax(0,18rem)_11rem_9rem_auto] lg:w-auto",
          !open && "max-sm:hidden",
        )}
      >
        <SearchModelFields
          search={value.search}
          modelId={value.modelId}
          onChange={(change) => onChange({ ...value, ...change })}
        />
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
    </>
  );
}
