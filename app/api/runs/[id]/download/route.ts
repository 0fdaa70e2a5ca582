import { CONTACT_SHEET_NAME, runContactSheet } from "@/lib/contact-sheet/run-contact-sheet";
import { getRunRows } from "@/lib/db/queries/runs";
import { archiveResponse } from "@/lib/downloads/download-responses";
import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { getBlobStore, getDb } from "@/lib/server/runtime";
import { toRunView } from "@/lib/views/to-views";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/runs/:id/download — every stored image of a run, its inputs, its contact sheet and manifest.json, as a ZIP
export const GET = routeHandler<{ id: string }>({ access: "session" }, async ({ params }) => {
  const rows = await getRunRows(await getDb(), params.id);
  if (!rows) throw new AppError("not_found", "No run with this id");
  const blobStore = getBlobStore();
  const run = toRunView(rows);
  const sheet = { name: CONTACT_SHEET_NAME, open: () => runContactSheet(blobStore, rows) };
  const source = { kind: "run", id: run.id, title: run.prompt } as const;
  // Inputs are stored like images: their rows say where their bytes are (under inputs/ in the ZIP).
  return archiveResponse(blobStore, source, [run], [...rows.images, ...(rows.inputs ?? [])], [sheet]);
});
