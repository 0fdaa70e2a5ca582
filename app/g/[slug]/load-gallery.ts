import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { REVIEWER_COOKIE, validReviewerId } from "@/lib/reviews/reviewer-cookie";
import { getDb } from "@/lib/server/runtime";
import { getGalleryView } from "@/lib/views/gallery-views";

/**
 * Once per request: the share page, its metadata and its OG image all ask for the same gallery, as
 * this visitor (reviewer cookie, set by proxy.ts) sees it.
 */
export const loadGallery = cache(async (slug: string) => {
  const reviewerId = validReviewerId((await cookies()).get(REVIEWER_COOKIE)?.value);
  return getGalleryView(await getDb(), slug, reviewerId);
});
