"use client";

import { ConfirmButton } from "@/components/ui/confirm-button";
import { useRevealReview } from "@/lib/hooks/use-reveal-review";

/** Shows reviewers the model names and the tally, after a confirmation: it cannot be taken back. */
export function RevealButton({ slug, blind }: { slug: string; blind: boolean }) {
  const reveal = useRevealReview(slug);
  return (
    <ConfirmButton
      button={{ size: "sm", variant: "primary", children: "Reveal to reviewers" }}
      title="Reveal the results?"
      confirmLabel="Reveal"
      onConfirm={(close) => reveal.mutate(undefined, { onSuccess: close })}
      pending={reveal.isPending}
      error={reveal.error}
    >
      <p className="text-sm text-fg-muted">
        {blind
          ? "Everyone with the link will see which model made each image, and how many picks each got."
          : "Everyone with the link will see how many picks each model got."}{" "}
        This cannot be undone, and it closes voting (you can reopen it).
      </p>
    </ConfirmButton>
  );
}
