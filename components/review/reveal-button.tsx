"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useRevealReview } from "@/lib/hooks/use-reveal-review";

/** Shows reviewers the model names and the tally, after a confirmation: it cannot be taken back. */
export function RevealButton({ slug, blind }: { slug: string; blind: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const reveal = useRevealReview(slug);
  return (
    <>
      <Button size="sm" variant="primary" onClick={() => setConfirming(true)}>
        Reveal to reviewers
      </Button>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Reveal the results?"
        confirmLabel="Reveal"
        onConfirm={() => reveal.mutate(undefined, { onSuccess: () => setConfirming(false) })}
        pending={reveal.isPending}
        error={reveal.error}
      >
        <p className="text-sm text-fg-muted">
          {blind
            ? "Everyone with the link will see which model made each image, and how many picks each got."
            : "Everyone with the link will see how many picks each model got."}{" "}
          This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
