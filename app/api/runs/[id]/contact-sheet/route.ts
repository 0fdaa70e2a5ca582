import { runContactSheet } from "@/lib/contact-sheet/run-contact-sheet";
import { getRunRows } from "@/lib/db/queries/runs";
import { contactSheetFilename, contentDisposition } from "@/lib/downloads/filename";
import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { getBlobStore, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/runs/:id/contact-sheet — the run's matrix as one PNG (inline, named for saving): prompts down, configurations across
export const GET = routeHandler<{ id: string }>({ access: "session" }, async ({ params }) => {
  const rows = await getRunRows(await getDb(), params.id);
  if (!rows) throw new AppError("not_found", "No run with this id");
  const png = await runContactSheet(getBlobStore(), rows);
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Length": String(png.byteLength),
      "Content-Disposition": contentDisposition(contactSheetFilename(rows.run.prompt), "inline"),
      "Cache-Control": "no-store",
    },
  });
});
