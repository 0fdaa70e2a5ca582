import type { CancelJobResponse } from "@/lib/api/views";
import { json, routeHandler } from "@/lib/http/route-handler";
import { cancelJob } from "@/lib/jobs/cell-control";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/jobs/:id/cancel — stop a queued or running cell (a running one may still be billed)
export const POST = routeHandler<{ id: string }>({ access: "session" }, async ({ params }) => {
  return json<CancelJobResponse>({ job: await cancelJob(await getDb(), params.id) });
});
