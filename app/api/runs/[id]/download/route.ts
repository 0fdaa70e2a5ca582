import { getRunView } from "@/lib/views/run-views";
import { archiveResponse } from "@/lib/downloads/download-responses";
import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { getBlobStore, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/runs/:id/download — every stored image of a run plus manifest.json, as a ZIP
export const GET = routeHandler<{ id: string }>({ access: "session" }, async ({ params }) => {
  const db = await getDb();
  const run = await getRunView(db, params.id);
  if (!run) throw new AppError("not_found", "No run with this id");
  return archiveResponse(db, getBlobStore(), { kind: "run", id: run.id, title: run.prompt }, [run]);
});
