import { revealBodySchema } from "@/lib/api/gallery-requests";
import { routeHandler } from "@/lib/http/route-handler";
import { revealReview } from "@/lib/reviews/review-controls";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/galleries/:slug/reveal — reviewers then see the model names and the tally; voting closes unless { keepOpen: true }
export const POST = routeHandler<{ slug: string }, typeof revealBodySchema>(
  { access: "session", body: revealBodySchema, optionalBody: true },
  async ({ params, body }) => {
    await revealReview(await getDb(), params.slug, body);
    return new Response(null, { status: 204 });
  },
);
