import "server-only";
import type { ApiIssue } from "@/lib/api/error-envelope";
import type { CreateGalleryInput } from "@/lib/api/gallery-requests";
import type { Database } from "@/lib/db/client";
import { insertGallery, resolveSelection } from "@/lib/db/queries/galleries";
import { newId } from "@/lib/db/ids";
import { getImageWithContext } from "@/lib/db/queries/images";
import { AppError } from "@/lib/errors";

/** A title nobody typed: the start of the first prompt. */
function defaultTitle(prompt: string | undefined): string {
  const text = (prompt ?? "").replace(/\s+/g, " ").trim();
  if (!text) return "Shared images";
  return text.length <= 80 ? text : `${text.slice(0, 79).trimEnd()}…`;
}

function selectionIssues(
  body: CreateGalleryInput,
  resolved: Awaited<ReturnType<typeof resolveSelection>>,
): ApiIssue[] {
  if (body.runIds.length === 0 && body.imageIds.length === 0) {
    const message = "Select at least one run or image";
    return [
      { path: "runIds", message },
      { path: "imageIds", message },
    ];
  }
  const at = (list: string[], id: string) => list.indexOf(id);
  return [
    ...resolved.unknownRunIds.map((id) => ({
      path: `runIds.${at(body.runIds, id)}`,
      message: `Unknown run: ${id}`,
    })),
    ...resolved.emptyRunIds.map((id) => ({
      path: `runIds.${at(body.runIds, id)}`,
      message: "This run has no stored images",
    })),
    ...resolved.unknownImageIds.map((id) => ({
      path: `imageIds.${at(body.imageIds, id)}`,
      message: `Unknown image: ${id}`,
    })),
  ];
}

/**
 * Creates a gallery of whole runs and/or single images. All or nothing: any unknown id is a 422
 * naming it, so a share link never silently misses something the user picked.
 */
export async function createGallery(
  db: Database,
  body: CreateGalleryInput,
  options: { now?: Date } = {},
): Promise<{ slug: string }> {
  const resolved = await resolveSelection(db, body);
  const issues = selectionIssues(body, resolved);
  if (issues.length > 0) throw new AppError("invalid_input", "The selection cannot be shared", { issues });
  const title = body.title || defaultTitle((await getImageWithContext(db, resolved.imageIds[0]!))?.prompt);
  // newId() is 144 random bits, base64url: the slug is the only secret of a public link.
  const gallery = await insertGallery(
    db,
    {
      id: newId(),
      slug: newId(),
      title,
      note: body.note || null,
      reviewMode: body.review ? (body.review.blind ? "blind" : "open") : null,
      hideNotes: body.hideNotes,
      showOwnerStars: body.review?.showOwnerStars ?? false,
      expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
      createdAt: options.now,
    },
    resolved.imageIds,
  );
  return { slug: gallery.slug };
}
