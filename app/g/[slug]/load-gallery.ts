import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { acceptInvite } from "@/lib/reviews/invites";
import { REVIEWER_COOKIE } from "@/lib/reviews/reviewer-cookie";
import { reviewerIdOf } from "@/lib/reviews/reviewer-key";
import { getDb } from "@/lib/server/runtime";
import { getGalleryView } from "@/lib/views/gallery-views";

const reviewerId = cache(async () =>
  reviewerIdOf(await getDb(), (await cookies()).get(REVIEWER_COOKIE)?.value),
);

/**
 * Once per request: the share page, its metadata and its OG image all ask for the same gallery, as
 * this visitor (signed reviewer cookie, set by proxy.ts) sees it.
 */
export const loadGallery = cache(async (slug: string) => {
  return getGalleryView(await getDb(), slug, await reviewerId());
});

/** A visit through an invite link files this browser's ballot under that invite (the first browser only). */
export async function acceptInviteOnVisit(
  slug: string,
  invite: string | string[] | undefined,
): Promise<void> {
  const id = await reviewerId();
  if (typeof invite !== "string" || !id || invite.length > 100) return;
  await acceptInvite(await getDb(), slug, invite, id);
}
