"use client";

import { buttonClasses, Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { CloseIcon, DownloadIcon } from "@/components/ui/icons";
import { BeforeAfterImage, useBeforeAfter } from "@/components/media/before-after";
import type { ReviewOption, ShownInput } from "@/lib/api/review-views";

/**
 * One option at full size, named only by its letter (and its model once the page may show it); for
 * an edit, Before / after (key B) shows the image its prompt's options were edited from.
 */
export function ReviewImageDialog({
  option,
  input,
  modelName,
  downloadHref,
  onClose,
}: {
  option: ReviewOption | null;
  input?: ShownInput;
  modelName?: string;
  downloadHref: string;
  onClose: () => void;
}) {
  const title = option ? `Image ${option.label}${modelName ? ` · ${modelName}` : ""}` : "Image";
  const beforeAfter = useBeforeAfter(option?.image.id, input);
  return (
    <Dialog
      open={option !== null}
      onClose={onClose}
      label={title}
      className="h-[calc(100dvh-2rem)] w-[min(1400px,calc(100vw-2rem))]"
      onKeyDown={(event) => beforeAfter.onKeyDown(event)}
    >
      {option ? (
        <div className="flex h-full flex-col">
          <div className="flex items-center justify-between gap-3 border-b border-line px-4 py-2.5">
            <h2 className="truncate text-sm font-semibold">{title}</h2>
            <div className="flex items-center gap-2">
              <a href={downloadHref} download className={buttonClasses("secondary", "sm")}>
                <DownloadIcon />
                Download
              </a>
              <Button variant="ghost" size="icon-sm" aria-label="Close" onClick={onClose}>
                <CloseIcon />
              </Button>
            </div>
          </div>
          <div className="relative flex min-h-0 flex-1 items-center justify-center bg-surface-sunken p-3 sm:p-6">
            <BeforeAfterImage state={beforeAfter} image={option.image} alt={`Image ${option.label}`} />
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
