import "server-only";
import { publicUrl } from "@/lib/env";

export const sharePath = (slug: string) => `/g/${slug}`;

/** Absolute when PUBLIC_URL is set; otherwise relative, and the browser resolves it against its origin. */
export function shareUrl(slug: string): string {
  return `${publicUrl() ?? ""}${sharePath(slug)}`;
}
