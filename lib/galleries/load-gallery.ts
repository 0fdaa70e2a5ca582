import "server-only";
import { cache } from "react";
import { getGalleryView } from "@/lib/views/gallery-views";
import { getDb } from "@/lib/server/runtime";

/** Once per request: the share page, its metadata and its OG image all ask for the same gallery. */
export const loadGallery = cache(async (slug: string) => getGalleryView(await getDb(), slug));
