import { scorecardQuerySchema } from "@/lib/api/scorecard-requests";
import type { ScorecardView } from "@/lib/api/views";
import { json, routeHandler } from "@/lib/http/route-handler";
import { getScorecard } from "@/lib/scorecard/scorecard";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/scorecard — per model and configuration: runs, images, time to first image, failures, cost, stars, win rate in reviews (?q&since)
export const GET = routeHandler({ access: "session", query: scorecardQuerySchema }, async ({ query }) => {
  return json<ScorecardView>(await getScorecard(await getDb(), query));
});
