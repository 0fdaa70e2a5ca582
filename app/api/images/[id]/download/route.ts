import { imageDownloadResponse } from "@/lib/downloads/download-responses";
import { routeHandler } from "@/lib/http/route-handler";
import { getBlobStore, getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/images/:id/download — one stored image as an attachment named model-prompt-n.<real type>
export const GET = routeHandler<{ id: string }>({ access: "session" }, async ({ params }) =>
  imageDownloadResponse(await getDb(), getBlobStore(), params.id),
);
