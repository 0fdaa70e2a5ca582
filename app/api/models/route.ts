import { json, routeHandler } from "@/lib/http/route-handler";
import type { ModelsResponse } from "@/lib/api/views";
import { modelsResponse } from "@/lib/server/model-views";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/models — the catalog: JSON Schema and defaults per model, availability from the environment
export const GET = routeHandler({ access: "session" }, () => json<ModelsResponse>(modelsResponse()));
