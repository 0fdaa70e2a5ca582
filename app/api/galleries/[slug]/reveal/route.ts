import { routeHandler } from "@/lib/http/route-handler";
import { revealReview } from "@/lib/reviews/review-results";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/galleries/:slug/reveal — reviewers then see the model names and the tally
export const POST = routeHandler<{ slug: string }>({ access: "session" }, async ({ params }) => {
  await revealReview(await getDb(), params.slug);
  return new Response(null, { status: 204 });
});
