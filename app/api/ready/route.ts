import type { ReadyView } from "@/lib/api/status-views";
import { AppError } from "@/lib/errors";
import { json, routeHandler } from "@/lib/http/route-handler";
import { bootStatus } from "@/lib/server/boot";
import { driftStatus } from "@/lib/server/instance-drift";
import { httpHooksStatus } from "@/lib/server/node-http-hooks";
import { readiness } from "@/lib/server/readiness";
import { storageHealth } from "@/lib/server/storage-health";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/ready — readiness for load balancers: 200 while the database answers a real query
// (checked at most once a second), 503 when it does not, while starting and once shutting down;
// it reports each part of the boot, how this instance differs from the others (it keeps serving), whether images can be stored, and whether the request hook
// (lib/server/node-http-hooks.ts) passed its boot probe
export const GET = routeHandler({ access: "public" }, async () => {
  const state = await readiness();
  if (!state.ready) throw new AppError("service_unavailable", state.reason);
  return json<ReadyView>({
    ok: true,
    boot: bootStatus(),
    configuration: driftStatus(),
    storage: await storageHealth(),
    requestHook: await httpHooksStatus(),
  });
});
