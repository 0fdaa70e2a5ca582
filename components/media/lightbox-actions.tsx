"use client";

import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { DownloadIcon } from "@/components/ui/icons";
import { CopyPromptButton } from "./copy-prompt-button";
import type { LightboxItem } from "./lightbox-item";

/**
 * The lightbox's actions, outside its scrolling details: on a phone Download, Copy prompt and
 * Re-run stay in one row, always in view, and the rest (compare, edit) take full rows below. "Compare with input" appears for an edit.
 */
export function LightboxActions({
  item,
  next,
  downloadHref,
  compareHref,
  rerunAction,
  edit,
}: {
  item: LightboxItem;
  /** The image "Compare with next" pairs the open one with, if there is another. */
  next: LightboxItem | null;
  downloadHref: (item: LightboxItem) => string;
  compareHref?: (imageIds: string[]) => string;
  rerunAction?: (item: LightboxItem) => ReactNode;
  edit?: (item: LightboxItem) => ReactNode;
}) {
  const pair = compareHref && next ? compareHref([item.image.id, next.image.id]) : null;
  const secondary = buttonClasses("secondary", "md", "max-lg:order-last max-lg:col-span-full");
  return (
    <div
      className={cn(
        "mt-auto grid gap-2 border-t border-line p-3 lg:border-t-0 lg:p-5 lg:pt-0",
        rerunAction ? "grid-cols-3 lg:grid-cols-2" : "grid-cols-2 lg:grid-cols-1",
      )}
    >
      <a
        href={downloadHref(item)}
        download
        className={buttonClasses("primary", "md", "max-lg:h-8 max-lg:px-2 max-lg:text-xs lg:col-span-full")}
      >
        <DownloadIcon />
        Download
      </a>
      {pair ? (
        <a href={pair} className={secondary}>
          Compare with next
        </a>
      ) : null}
      {pair && item.run.inputs?.length ? (
        <a href={`${pair}&input=1`} className={secondary}>
          Compare with input
        </a>
      ) : null}
      <CopyPromptButton prompt={item.job.prompt} />
      {rerunAction?.(item)}
      {edit?.(item)}
    </div>
  );
}
