"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { apiPost } from "@/lib/http/api-client";

/** Shows reviewers the model names and the tally, after a confirmation: it cannot be taken back. */
export function RevealButton({ slug, blind }: { slug: string; blind: boolean }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [pending, startTransition] = useTransition();
  const reveal = () =>
    startTransition(async () => {
      try {
        await apiPost(`/api/galleries/${encodeURIComponent(slug)}/reveal`, {});
        setConfirming(false);
        router.refresh();
      } catch (failure) {
        setError(failure as Error);
      }
    });
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
        onConfirm={reveal}
        pending={pending}
        error={error}
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
