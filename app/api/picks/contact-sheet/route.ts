import { pickSelectionQuerySchema } from "@/lib/api/pick-requests";
import { routeHandler } from "@/lib/http/route-handler";
import { picksSheetResponse } from "@/lib/server/picks-exports";
import { getBlobStore, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/picks/contact-sheet?ids=a,b — a selection of the picks board as one PNG, in the order given; drawn under the render limit
export const GET = routeHandler({ access: "session", query: pickSelectionQuerySchema }, async ({ query }) =>
  picksSheetResponse(await getDb(), getBlobStore(), query.ids),
);
