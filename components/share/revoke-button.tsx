"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useRevokeGallery } from "@/lib/hooks/use-galleries";
import type { GallerySummary } from "@/lib/api/views";

export function RevokeButton({ gallery }: { gallery: GallerySummary }) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useRevokeGallery();
  return (
    <>
      <Button
        size="sm"
        variant="danger"
        onClick={() => setConfirming(true)}
        aria-label={`Revoke link: ${gallery.title}`}
      >
        Revoke
      </Button>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Revoke this link?"
        confirmLabel="Revoke link"
        onConfirm={() => revoke.mutate(gallery.slug, { onSuccess: () => setConfirming(false) })}
        pending={revoke.isPending}
        error={revoke.error}
      >
        <p className="text-sm text-fg-muted">
          Anyone opening “{gallery.title}” will get a “not found” page. Your runs and images stay.
        </p>
      </ConfirmDialog>
    </>
  );
}
