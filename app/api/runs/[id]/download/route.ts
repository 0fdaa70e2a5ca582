import { routeHandler } from "@/lib/http/route-handler";
import { runArchiveResponse } from "@/lib/server/run-archive";
import { getBlobStore, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/runs/:id/download — the images of each cell's take that counts, the inputs, its contact sheet and manifest.json, as a ZIP
export const GET = routeHandler<{ id: string }>({ access: "session" }, async ({ params }) =>
  runArchiveResponse(await getDb(), getBlobStore(), params.id),
);
