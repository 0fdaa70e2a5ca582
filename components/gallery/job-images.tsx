import type { JobView } from "@/lib/jobs/run-view";
import { cn } from "@/components/ui/cn";
import { expectedImageCount, expectedRatio } from "./format";

function gridColumns(count: number): string {
  if (count <= 1) return "grid-cols-1";
  if (count === 2) return "grid-cols-1 @[22rem]:grid-cols-2";
  return count <= 4 ? "grid-cols-2" : "grid-cols-2 @[26rem]:grid-cols-4";
}

interface JobImagesProps {
  job: JobView;
  label: string;
  onOpen: (imageId: string) => void;
}

export function JobImages({ job, label, onOpen }: JobImagesProps) {
  if (job.images.length === 0) {
    const count = expectedImageCount(job);
    const ratio = expectedRatio(job.params);
    return (
      <div className={cn("grid gap-1.5", gridColumns(count))} aria-hidden>
        {Array.from({ length: count }, (_, index) => (
          <div key={index} className="skeleton rounded-lg" style={{ aspectRatio: ratio }} />
        ))}
      </div>
    );
  }

  return (
    <ul className={cn("grid gap-1.5", gridColumns(job.images.length))}>
      {job.images.map((image, position) => (
        <li key={image.id}>
          <button
            type="button"
            onClick={() => onOpen(image.id)}
            aria-label={`Open image ${position + 1} of ${job.images.length} from ${label}`}
            className="group relative block w-full overflow-hidden rounded-lg bg-surface-sunken ring-1 ring-line ring-inset"
            style={{ aspectRatio: image.width / image.height }}
          >
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src={image.thumbnailUrl}
              alt=""
              width={image.width}
              height={image.height}
              className="size-full animate-fade-in object-cover transition-transform duration-300 group-hover:scale-[1.02]"
            />
          </button>
        </li>
      ))}
    </ul>
  );
}
