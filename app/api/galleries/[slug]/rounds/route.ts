import { nextRoundBodySchema } from "@/lib/api/gallery-requests";
import type { NextRoundResponse } from "@/lib/api/review-views";
import { shareUrl } from "@/lib/galleries/share-url";
import { json, routeHandler } from "@/lib/http/route-handler";
import { startNextRound } from "@/lib/reviews/next-round";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// POST /api/galleries/:slug/rounds — the next round of a review with the top N images of each prompt
export const POST = routeHandler<{ slug: string }, typeof nextRoundBodySchema>(
  { access: "session", body: nextRoundBodySchema },
  async ({ params, body }) => {
    const { slug } = await startNextRound(await getDb(), params.slug, body.top);
    return json<NextRoundResponse>({ slug, url: shareUrl(slug) }, { status: 201 });
  },
);
