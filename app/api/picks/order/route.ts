import { reorderPicksBodySchema } from "@/lib/api/pick-requests";
import { routeHandler } from "@/lib/http/route-handler";
import { orderPicks } from "@/lib/images/picks";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// PUT /api/picks/order — these picks in this order, among the places they hold on the board
export const PUT = routeHandler({ access: "session", body: reorderPicksBodySchema }, async ({ body }) => {
  await orderPicks(await getDb(), body.imageIds);
  return new Response(null, { status: 204 });
});
