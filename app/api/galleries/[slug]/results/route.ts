import { reviewResultsQuerySchema } from "@/lib/api/gallery-requests";
import type { ReviewResultsView } from "@/lib/api/review-views";
import { contentDisposition } from "@/lib/downloads/filename";
import { json, routeHandler } from "@/lib/http/route-handler";
import { getReviewResults } from "@/lib/reviews/review-results";
import { ballotsCsv } from "@/lib/views/ballots-csv";
import { tallyCsv } from "@/lib/views/tally";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/galleries/:slug/results — the owner's tally and ballots of a review link, as JSON or ?format=csv[&rows=ballots]
export const GET = routeHandler<{ slug: string }, undefined, typeof reviewResultsQuerySchema>(
  { access: "session", query: reviewResultsQuerySchema },
  async ({ params, query }) => {
    const results = await getReviewResults(await getDb(), params.slug);
    if (query.format === "json")
      return json<ReviewResultsView>(results, { headers: { "Cache-Control": "no-store" } });
    const csv = query.rows === "ballots" ? ballotsCsv(results) : tallyCsv(results);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition(
          `prism-review-${params.slug}${query.rows === "ballots" ? "-ballots" : ""}.csv`,
        ),
        "Cache-Control": "no-store",
      },
    });
  },
);
