import { patchBallotBodySchema } from "@/lib/api/gallery-requests";
import { json, routeHandler } from "@/lib/http/route-handler";
import { excludeBallot } from "@/lib/reviews/review-controls";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// PATCH /api/galleries/:slug/ballots/:id — the owner takes a ballot out of the tally, or back in
export const PATCH = routeHandler<{ slug: string; id: string }, typeof patchBallotBodySchema>(
  { access: "session", body: patchBallotBodySchema },
  async ({ params, body }) => {
    return json(await excludeBallot(await getDb(), params.slug, params.id, body.excluded));
  },
);
