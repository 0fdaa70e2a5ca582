import { pickSelectionQuerySchema } from "@/lib/api/pick-requests";
import { CONTACT_SHEET_NAME } from "@/lib/contact-sheet/run-contact-sheet";
import { MAX_PICKS_PER_SHEET, picksContactSheet } from "@/lib/contact-sheet/picks-contact-sheet";
import { picksArchiveResponse } from "@/lib/downloads/picks-archive";
import { routeHandler } from "@/lib/http/route-handler";
import { selectedPicks } from "@/lib/images/picks";
import { getBlobStore, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/picks/download?ids=a,b — a selection of the picks board, in the order given, with manifest.json (and its contact sheet), as a ZIP
export const GET = routeHandler({ access: "session", query: pickSelectionQuerySchema }, async ({ query }) => {
  const db = await getDb();
  const blobStore = getBlobStore();
  const picks = await selectedPicks(db, query.ids);
  const sheet =
    picks.length <= MAX_PICKS_PER_SHEET
      ? [{ name: CONTACT_SHEET_NAME, open: () => picksContactSheet(blobStore, picks) }]
      : [];
  return picksArchiveResponse(db, blobStore, picks, sheet);
});
