import { isDatabaseReady } from "@/lib/db/client";
import { json, routeHandler } from "@/lib/http/route-handler";
import { boot } from "@/lib/server/boot";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/health — 200 once the database is open and migrated, 503 until then
export const GET = routeHandler({ access: "public" }, () => {
  if (isDatabaseReady()) return json({ ok: true });
  // Starts (or retries) the boot in case instrumentation did not, without making the probe wait.
  void boot();
  return json({ ok: false, message: "Starting: the database is not ready yet" }, { status: 503 });
});
