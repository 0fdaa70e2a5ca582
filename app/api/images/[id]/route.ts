import { patchImageBodySchema } from "@/lib/api/image-requests";
import type { ImagePatchResponse } from "@/lib/api/review-views";
import { json, routeHandler } from "@/lib/http/route-handler";
import { annotateImage } from "@/lib/images/annotate-image";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// PATCH /api/images/:id — star an image and/or write a note on it
export const PATCH = routeHandler<{ id: string }, typeof patchImageBodySchema>(
  { access: "session", body: patchImageBodySchema },
  async ({ params, body }) => {
    return json<ImagePatchResponse>({ image: await annotateImage(await getDb(), params.id, body) });
  },
);
