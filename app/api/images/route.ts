import { compareImagesQuerySchema } from "@/lib/api/image-requests";
import type { CompareImagesView } from "@/lib/api/review-views";
import { json, routeHandler } from "@/lib/http/route-handler";
import { compareImages } from "@/lib/images/compare-images";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/images?ids=a,b — 2 to 12 images with their prompt, model, params and seed, for the compare view
export const GET = routeHandler({ access: "session", query: compareImagesQuerySchema }, async ({ query }) => {
  return json<CompareImagesView>(await compareImages(await getDb(), query.ids));
});
