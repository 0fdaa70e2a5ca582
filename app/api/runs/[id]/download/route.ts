import { getRunView } from "@/lib/views/run-views";
import { CONTACT_SHEET_NAME, runContactSheet } from "@/lib/contact-sheet/run-contact-sheet";
import { archiveResponse } from "@/lib/downloads/download-responses";
import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { getBlobStore, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/runs/:id/download — every stored image of a run, its contact sheet and manifest.json, as a ZIP
export const GET = routeHandler<{ id: string }>({ access: "session" }, async ({ params }) => {
  const db = await getDb();
  const blobStore = getBlobStore();
  const run = await getRunView(db, params.id);
  if (!run) throw new AppError("not_found", "No run with this id");
  const sheet = { name: CONTACT_SHEET_NAME, open: () => runContactSheet(db, blobStore, run) };
  return archiveResponse(db, blobStore, { kind: "run", id: run.id, title: run.prompt }, [run], [sheet]);
});
