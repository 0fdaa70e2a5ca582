import type { HealthView } from "@/lib/api/status-views";
import { AppError } from "@/lib/errors";
import { json, routeHandler } from "@/lib/http/route-handler";
import { boot, bootStatus, isBooted } from "@/lib/server/boot";
import { startingReason } from "@/lib/server/readiness";
import { storageHealth } from "@/lib/server/storage-health";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/health — liveness: 200 once booted (database open and migrated, change feed listening,
// job runner started), 503 until then; says whether images can be stored. It runs no query per
// probe; /api/ready does (for load balancers).
export const GET = routeHandler({ access: "public" }, async () => {
  if (isBooted()) return json<HealthView>({ ok: true, storage: await storageHealth() });
  // Starts (or retries) the boot in case instrumentation did not, without making the probe wait.
  void boot();
  throw new AppError("service_unavailable", startingReason(bootStatus()));
});
