"use client";

import { useState } from "react";
import { Button, type ButtonSize } from "@/components/ui/button";
import { StarIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { LazyShareDialog } from "./lazy-share-dialog";

interface ShareStarredButtonProps {
  /** The starred images to share; may have to load them first (history's further pages). */
  collect: () => string[] | Promise<string[]>;
  /** How many are known to be starred now, to say so and to disable the button at none. */
  count: number;
  defaultTitle: string;
  size?: ButtonSize;
}

/** "Share starred": the share dialog with exactly the starred images picked. */
export function ShareStarredButton({ collect, count, defaultTitle, size = "sm" }: ShareStarredButtonProps) {
  const [imageIds, setImageIds] = useState<string[] | null>(null);
  const [collecting, setCollecting] = useState(false);
  const open = async () => {
    setCollecting(true);
    try {
      setImageIds(await collect());
    } finally {
      setCollecting(false);
    }
  };
  const shared = imageIds?.length ?? 0;
  return (
    <>
      <Button size={size} onClick={open} disabled={count === 0 || collecting}>
        {collecting ? <Spinner /> : <StarIcon className="fill-current text-star" />}
        Share starred
      </Button>
      {imageIds ? (
        <LazyShareDialog
          open
          onClose={() => setImageIds(null)}
          selection={{ imageIds }}
          summary={`Share the ${shared} starred ${shared === 1 ? "image" : "images"} as one public gallery.`}
          defaultTitle={defaultTitle}
        />
      ) : null}
    </>
  );
}
