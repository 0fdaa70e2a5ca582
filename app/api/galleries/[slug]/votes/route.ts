import { voteBodySchema } from "@/lib/api/gallery-requests";
import type { VoteResponse } from "@/lib/api/review-views";
import { AppError } from "@/lib/errors";
import { json, routeHandler } from "@/lib/http/route-handler";
import { castVote } from "@/lib/reviews/cast-vote";
import { REVIEWER_COOKIE } from "@/lib/reviews/reviewer-cookie";
import { reviewerIdOf } from "@/lib/reviews/reviewer-key";
import { clientKeyOf, enforceVoteRateLimit } from "@/lib/security/request-limits";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_VOTE_BYTES = 16 * 1024;

// POST /api/galleries/:slug/votes — a visitor's favourite per prompt on a review link (public, same origin)
export const POST = routeHandler<{ slug: string }, typeof voteBodySchema>(
  { access: "public", body: voteBodySchema, maxBodyBytes: MAX_VOTE_BYTES },
  async ({ request, params, body }) => {
    const db = await getDb();
    await enforceVoteRateLimit(db, request);
    // Only the share page issues reviewer ids (proxy.ts): a missing or forged cookie is no reviewer.
    const reviewerId = await reviewerIdOf(db, request.cookies.get(REVIEWER_COOKIE)?.value);
    if (!reviewerId) {
      throw new AppError("forbidden", "Open the review link in your browser first, then send your picks");
    }
    const answer = await castVote(db, params.slug, { id: reviewerId, clientKey: clientKeyOf(request) }, body);
    return json<VoteResponse>(answer);
  },
);
