import { runContactSheet } from "@/lib/contact-sheet/run-contact-sheet";
import { contactSheetFilename, contentDisposition } from "@/lib/downloads/filename";
import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { getBlobStore, getDb } from "@/lib/server/runtime";
import { getRunView } from "@/lib/views/run-views";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/runs/:id/contact-sheet — the run's matrix as one PNG (inline, named for saving): prompts down, configurations across
export const GET = routeHandler<{ id: string }>({ access: "session" }, async ({ params }) => {
  const db = await getDb();
  const run = await getRunView(db, params.id);
  if (!run) throw new AppError("not_found", "No run with this id");
  const png = await runContactSheet(db, getBlobStore(), run);
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Length": String(png.byteLength),
      "Content-Disposition": contentDisposition(contactSheetFilename(run.prompt), "inline"),
      "Cache-Control": "no-store",
    },
  });
});
