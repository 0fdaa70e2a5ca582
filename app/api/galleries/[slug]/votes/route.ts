import { voteBodySchema } from "@/lib/api/gallery-requests";
import type { VoteResponse } from "@/lib/api/review-views";
import { isHttps } from "@/lib/security/is-https";
import { json, routeHandler } from "@/lib/http/route-handler";
import { castVote } from "@/lib/reviews/cast-vote";
import {
  REVIEWER_COOKIE,
  newReviewerId,
  reviewerCookieHeader,
  validReviewerId,
} from "@/lib/reviews/reviewer-cookie";
import { enforceVoteRateLimit } from "@/lib/security/request-limits";
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
    const known = validReviewerId(request.cookies.get(REVIEWER_COOKIE)?.value);
    const reviewerId = known ?? newReviewerId();
    const answer = await castVote(db, params.slug, reviewerId, body);
    const headers = known ? undefined : { "Set-Cookie": reviewerCookieHeader(reviewerId, isHttps(request)) };
    return json<VoteResponse>(answer, { headers });
  },
);
