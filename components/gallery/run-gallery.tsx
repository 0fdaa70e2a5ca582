"use client";

import { useMemo, useState } from "react";
import type { RunView } from "@/lib/api/views";
import { JobCard } from "./job-card";
import { Lightbox, type LightboxItem } from "./lightbox";
import { RerunButton } from "./rerun-button";

interface RunGalleryProps {
  run: RunView;
  onRerun: (runId: string) => void;
}

export function RunGallery({ run, onRerun }: RunGalleryProps) {
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  const items = useMemo<LightboxItem[]>(
    () =>
      run.jobs.flatMap((job) => job.images.map((image, index) => ({ image, job, run, position: index + 1 }))),
    [run],
  );
  const open = (imageId: string) => setOpenIndex(items.findIndex((item) => item.image.id === imageId));

  return (
    <div className="@container">
      <ul
        aria-label="Results"
        className="grid grid-cols-1 items-start gap-4 @2xl:grid-cols-2 @[58rem]:grid-cols-3 @[96rem]:grid-cols-4"
      >
        {run.jobs.map((job) => (
          <li key={job.id}>
            <JobCard job={job} onOpenImage={open} />
          </li>
        ))}
      </ul>
      <Lightbox
        items={items}
        index={openIndex}
        onIndexChange={setOpenIndex}
        rerunAction={(rerun) => <RerunButton run={rerun} onCreated={onRerun} />}
        downloadHref={(item) => `/api/images/${encodeURIComponent(item.image.id)}/download`}
        compareHref={(ids) => `/compare?images=${ids.map(encodeURIComponent).join(",")}`}
      />
    </div>
  );
}
