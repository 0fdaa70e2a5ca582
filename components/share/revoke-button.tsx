"use client";

import { ConfirmButton } from "@/components/ui/confirm-button";
import { useRevokeGallery } from "@/lib/hooks/use-galleries";
import type { GallerySummary } from "@/lib/api/views";

export function RevokeButton({ gallery }: { gallery: GallerySummary }) {
  const revoke = useRevokeGallery();
  return (
    <ConfirmButton
      button={{
        size: "sm",
        variant: "danger",
        "aria-label": `Revoke link: ${gallery.title}`,
        children: "Revoke",
      }}
      title="Revoke this link?"
      confirmLabel="Revoke link"
      onConfirm={(close) => revoke.mutate(gallery.slug, { onSuccess: close })}
      pending={revoke.isPending}
      error={revoke.error}
    >
      <p className="text-sm text-fg-muted">
        Anyone opening “{gallery.title}” will get a “not found” page. Your runs and images stay.
      </p>
    </ConfirmButton>
  );
}
