import { pickSelectionQuerySchema } from "@/lib/api/pick-requests";
import { routeHandler } from "@/lib/http/route-handler";
import { picksDownloadResponse } from "@/lib/server/picks-exports";
import { getBlobStore, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/picks/download?ids=a,b — a selection of the picks board, in the order given, with manifest.json (and its contact sheet), as a ZIP
export const GET = routeHandler({ access: "session", query: pickSelectionQuerySchema }, async ({ query }) =>
  picksDownloadResponse(await getDb(), getBlobStore(), query.ids),
);
