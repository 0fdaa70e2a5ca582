import "server-only";
import type { GallerySummary, GalleryView } from "@/lib/api/views";
import type { Database } from "@/lib/db/client";
import { getGalleryRows, listGalleryRows } from "@/lib/db/queries/galleries";
import { toGallerySummary, toGalleryView } from "./to-views";

/** A shared gallery with only its shared images; null when revoked or unknown. */
export async function getGalleryView(db: Database, slug: string): Promise<GalleryView | null> {
  const rows = await getGalleryRows(db, slug);
  return rows ? toGalleryView(rows) : null;
}

/** Active galleries, newest first, for the "Shared links" page. */
export async function listGalleries(db: Database): Promise<GallerySummary[]> {
  return (await listGalleryRows(db)).map(toGallerySummary);
}
