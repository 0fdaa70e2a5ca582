import { routeHandler } from "@/lib/http/route-handler";
import { renditionResponse } from "../rendition-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/galleries/:slug/images/:imageId/thumbnail — a blind review's thumbnail of one image (public)
export const GET = routeHandler<{ slug: string; imageId: string }>({ access: "public" }, ({ params }) =>
  renditionResponse(params.slug, params.imageId, "thumbnail"),
);
