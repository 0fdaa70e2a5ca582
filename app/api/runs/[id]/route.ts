import { createHash } from "node:crypto";
import { deleteRun, getRunVersion, getRunView } from "@/lib/db/queries/runs";
import { AppError } from "@/lib/errors";
import { json, routeHandler } from "@/lib/http/route-handler";
import type { RunView } from "@/lib/jobs/run-view";
import { getBlobStore, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const notFound = () => new AppError("not_found", "No run with this id");

// GET /api/runs/:id — one run with its jobs and stored images; 304 while nothing changed
export const GET = routeHandler<{ id: string }>({}, async ({ request, params }) => {
  const db = await getDb();
  const version = await getRunVersion(db, params.id);
  if (version === null) throw notFound();
  const etag = `W/"${createHash("sha256").update(`${params.id}|${version}`).digest("base64url").slice(0, 27)}"`;
  const headers = { ETag: etag, "Cache-Control": "no-cache" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const view = await getRunView(db, params.id);
  if (!view) throw notFound();
  return json<RunView>(view, { headers });
});

// DELETE /api/runs/:id — removes the run, its jobs and every stored file no other run uses
export const DELETE = routeHandler<{ id: string }>({}, async ({ params }) => {
  const { deleted, orphanedBlobKeys } = await deleteRun(await getDb(), params.id);
  if (!deleted) throw notFound();
  const blobStore = getBlobStore();
  await Promise.all(orphanedBlobKeys.map((key) => blobStore.delete(key)));
  return new Response(null, { status: 204 });
});
