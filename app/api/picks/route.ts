import { listPicksQuerySchema } from "@/lib/api/pick-requests";
import type { PickListView } from "@/lib/api/views";
import { json, routeHandler } from "@/lib/http/route-handler";
import { listPicks } from "@/lib/images/picks";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/picks — every starred image across runs, in board order: ?q&model&since&cursor&limit
export const GET = routeHandler({ access: "session", query: listPicksQuerySchema }, async ({ query }) => {
  return json<PickListView>(await listPicks(await getDb(), query));
});
