import { routeHandler } from "@/lib/http/route-handler";
import { reviewInputResponse } from "./review-input-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/galleries/:slug/inputs/:inputId — an image a blind review's runs edited (public; the review's own id)
export const GET = routeHandler<{ slug: string; inputId: string }>({ access: "public" }, ({ params }) =>
  reviewInputResponse(params.slug, params.inputId, "image"),
);
