import "server-only";
import { createHmac } from "node:crypto";
import type { ShownInput } from "@/lib/api/review-views";
import type { Database } from "@/lib/db/client";
import type { GalleryRows } from "@/lib/db/queries/galleries";
import { serverSecret } from "@/lib/db/queries/server-secrets";
import type { InputRow } from "@/lib/db/input-schema";
import { toInputView } from "./to-views";

/**
 * How a review shows the images its runs edited. An input names no model, but its id and its
 * content-addressed /api/files URL would tie a blind review to any plain link of the same run, so a
 * blind review gives each input an id of its own, like its renditions: an HMAC of the gallery and
 * the input under a key every instance shares. It exists only in that review, nobody can compute it
 * without the key, and it needs no row (the route finds the input by computing it again).
 */

const SECRET_NAME = "review-input-ids";

const reviewInputId = (key: Buffer, galleryId: string, inputId: string) =>
  createHmac("sha256", key).update(`${galleryId}.${inputId}`).digest("base64url").slice(0, 24);

/** A blind review's input URLs: under the review's slug and its own id, never /api/files. */
export function blindInputUrls(slug: string, id: string) {
  const base = `/api/galleries/${encodeURIComponent(slug)}/inputs/${encodeURIComponent(id)}`;
  return { url: base, thumbnailUrl: `${base}/thumbnail` };
}

/** Each run's inputs as this review shows them, by run id (runs without inputs left out). */
export async function reviewInputsByRun(db: Database, rows: GalleryRows): Promise<Map<string, ShownInput[]>> {
  const entries = rows.inputs ?? [];
  const byRun = new Map<string, ShownInput[]>();
  if (entries.length === 0) return byRun;
  const key = rows.gallery.reviewMode === "blind" ? await serverSecret(db, SECRET_NAME) : null;
  for (const { runId, input } of entries) {
    const { id, url, thumbnailUrl, width, height } = toInputView(input);
    const own = key ? reviewInputId(key, rows.gallery.id, input.id) : null;
    const shown = own
      ? { id: own, ...blindInputUrls(rows.gallery.slug, own), width, height }
      : { id, url, thumbnailUrl, width, height };
    byRun.set(runId, [...(byRun.get(runId) ?? []), shown]);
  }
  return byRun;
}

/** The input a blind review shows under `shownId`; null when it shows none by that id. */
export async function findReviewInput(
  db: Database,
  rows: GalleryRows,
  shownId: string,
): Promise<InputRow | null> {
  if (rows.gallery.reviewMode !== "blind") return null;
  const entries = rows.inputs ?? [];
  if (entries.length === 0) return null;
  const key = await serverSecret(db, SECRET_NAME);
  return (
    entries.find(({ input }) => reviewInputId(key, rows.gallery.id, input.id) === shownId)?.input ?? null
  );
}

/** An input of a blind review's ZIP: under the review's own id, with where its bytes are. */
export interface BlindInputFile {
  id: string;
  blobKey: string;
  contentType: string;
}

/** A blind review's distinct inputs under its own ids, for its ZIP; none for any other gallery. */
export async function blindInputFiles(db: Database, rows: GalleryRows): Promise<BlindInputFile[]> {
  const entries = rows.inputs ?? [];
  if (rows.gallery.reviewMode !== "blind" || entries.length === 0) return [];
  const key = await serverSecret(db, SECRET_NAME);
  const byId = new Map<string, BlindInputFile>();
  for (const { input } of entries) {
    const id = reviewInputId(key, rows.gallery.id, input.id);
    byId.set(id, { id, blobKey: input.blobKey, contentType: input.contentType });
  }
  return [...byId.values()];
}
