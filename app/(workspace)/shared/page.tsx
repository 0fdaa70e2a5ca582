import type { Metadata } from "next";
import { SharedLinks } from "@/components/share/shared-links";

export const metadata: Metadata = { title: "Shared links" };

export default function SharedLinksPage() {
  return (
    <main id="main" className="mx-auto grid max-w-4xl gap-6 px-4 py-6 sm:px-6 lg:py-8">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Shared links</h1>
        <p className="text-sm text-fg-muted">
          Public galleries, some asking visitors for a favourite per prompt. Revoke a link and it stops
          working at once.
        </p>
      </div>
      <SharedLinks />
    </main>
  );
}
