import "server-only";
import type { Database } from "@/lib/db/client";
import { claimInvite, insertInvites } from "@/lib/db/queries/review-invites";
import { findActiveGallery, findOwnedGallery } from "@/lib/db/queries/galleries";
import { galleryNotFound, reviewOff } from "@/lib/errors";

export const INVITE_PARAMETER = "invite";

/** Named invite links of a review, one ballot each: `/g/<slug>?invite=<144 random bits>`. */
export async function createInvites(
  db: Database,
  slug: string,
  names: string[],
): Promise<{ name: string; path: string }[]> {
  const gallery = await findOwnedGallery(db, slug);
  if (!gallery) throw galleryNotFound();
  if (!gallery.reviewMode) throw reviewOff();
  const invites = await insertInvites(db, gallery.id, names);
  return invites.map((invite) => ({
    name: invite.name,
    path: `/g/${gallery.slug}?${INVITE_PARAMETER}=${encodeURIComponent(invite.id)}`,
  }));
}

/**
 * A visit through an invite link: the first browser to open it claims it for its reviewer id, and
 * its ballot then counts as that invite's. Another browser, or an unknown invite, gets nothing.
 */
export async function acceptInvite(
  db: Database,
  slug: string,
  inviteId: string,
  reviewerId: string,
): Promise<boolean> {
  const gallery = await findActiveGallery(db, slug);
  if (!gallery?.reviewMode) return false;
  return (await claimInvite(db, gallery.id, inviteId, reviewerId)) !== null;
}
