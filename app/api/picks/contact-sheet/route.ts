import { pickSelectionQuerySchema } from "@/lib/api/pick-requests";
import { MAX_PICKS_PER_SHEET, picksContactSheet } from "@/lib/contact-sheet/picks-contact-sheet";
import { contactSheetFilename, contentDisposition } from "@/lib/downloads/filename";
import { AppError } from "@/lib/errors";
import { routeHandler } from "@/lib/http/route-handler";
import { selectedPicks } from "@/lib/images/picks";
import { getBlobStore, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/picks/contact-sheet?ids=a,b — a selection of the picks board as one PNG, in the order given
export const GET = routeHandler({ access: "session", query: pickSelectionQuerySchema }, async ({ query }) => {
  if (query.ids.length > MAX_PICKS_PER_SHEET) {
    throw new AppError("invalid_input", `A contact sheet holds at most ${MAX_PICKS_PER_SHEET} picks`, {
      issues: [{ path: "ids", message: `Select at most ${MAX_PICKS_PER_SHEET} picks` }],
    });
  }
  const png = await picksContactSheet(getBlobStore(), await selectedPicks(await getDb(), query.ids));
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Length": String(png.byteLength),
      "Content-Disposition": contentDisposition(contactSheetFilename("picks"), "inline"),
      "Cache-Control": "no-store",
    },
  });
});
