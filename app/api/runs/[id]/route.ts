import { createHash } from "node:crypto";
import { deleteRun, getRunVersion, getRunView } from "@/lib/db/queries/runs";
import { AppError } from "@/lib/errors";
import { json, routeHandler } from "@/lib/http/route-handler";
import type { RunView } from "@/lib/api/views";
import { isRunFinished } from "@/lib/models/job-status";
import {
  forgetRun,
  getFinishedRun,
  rememberFinishedRun,
  toRunResponseBody,
  type RunResponseBody,
} from "@/lib/server/finished-run-cache";
import { getBlobStore, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const notFound = () => new AppError("not_found", "No run with this id");

function notModified(request: Request, etag: string): boolean {
  return request.headers.get("if-none-match") === etag;
}

function respond(request: Request, { etag, body }: RunResponseBody): Response {
  const headers = { ETag: etag, "Cache-Control": "no-cache" };
  if (notModified(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": "application/json" } });
}

// GET /api/runs/:id — one run with its jobs and stored images; 304 while nothing changed
export const GET = routeHandler<{ id: string }>({ access: "session" }, async ({ request, params }) => {
  // A finished run is answered from memory: it cannot change any more (see finished-run-cache.ts).
  const finished = getFinishedRun(params.id);
  if (finished) return respond(request, finished);
  const db = await getDb();
  const version = await getRunVersion(db, params.id);
  if (version === null) throw notFound();
  const etag = `W/"${createHash("sha256").update(`${params.id}|${version}`).digest("base64url").slice(0, 27)}"`;
  const headers = { ETag: etag, "Cache-Control": "no-cache" };
  if (notModified(request, etag)) return new Response(null, { status: 304, headers });
  const view = await getRunView(db, params.id);
  if (!view) throw notFound();
  if (!isRunFinished(view)) return json<RunView>(view, { headers });
  // Tagged by content rather than by version: the view may have been read after a newer change
  // than the version saw, and a cached answer must never pair an old tag with a newer body.
  const response = toRunResponseBody(view);
  rememberFinishedRun(view.id, response);
  return respond(request, response);
});

// DELETE /api/runs/:id — removes the run, its jobs and every stored file no other run uses
export const DELETE = routeHandler<{ id: string }>({ access: "session" }, async ({ params }) => {
  const { deleted, orphanedBlobKeys } = await deleteRun(await getDb(), params.id);
  // After the commit, so a read that raced the delete and cached the run meanwhile is undone.
  forgetRun(params.id);
  if (!deleted) throw notFound();
  const blobStore = getBlobStore();
  await Promise.all(orphanedBlobKeys.map((key) => blobStore.delete(key)));
  return new Response(null, { status: 204 });
});
