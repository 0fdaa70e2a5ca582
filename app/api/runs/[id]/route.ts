import { heldWaitLimits, trustProxy } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { deleteRunAndFiles } from "@/lib/runs/delete-run";
import { readRunQuerySchema } from "@/lib/api/run-requests";
import { readRunWhenChanged } from "@/lib/runs/read-run";
import { clientAddress } from "@/lib/security/client-address";
import { databaseNow, getBlobStore, getDb } from "@/lib/server/runtime";
import { shutdownSignal } from "@/lib/server/shutdown-flag";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const notFound = () => new AppError("not_found", "No run with this id");

// GET /api/runs/:id — one run with its jobs and stored images; 304 while nothing changed (?wait=N long-polls)
export const GET = routeHandler<{ id: string }, undefined, typeof readRunQuerySchema>(
  { access: "session", query: readRunQuerySchema },
  async ({ request, params, query }) => {
    const ifNoneMatch = request.headers.get("if-none-match");
    const db = await getDb();
    // A held wait ends when the client goes away or this instance begins to shut down.
    const signal = AbortSignal.any([request.signal, shutdownSignal()]);
    const response = await readRunWhenChanged(db, params.id, ifNoneMatch, query.wait * 1000, signal, {
      client: clientAddress(request.headers, trustProxy()),
      limits: heldWaitLimits(),
    });
    if (!response) throw notFound();
    return response;
  },
);

// DELETE /api/runs/:id — removes the run, its jobs and every stored file no other run uses
export const DELETE = routeHandler<{ id: string }>({ access: "session" }, async ({ params }) => {
  if (!(await deleteRunAndFiles(await getDb(), getBlobStore(), params.id, databaseNow()))) throw notFound();
  return new Response(null, { status: 204 });
});
