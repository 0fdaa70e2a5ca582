import { reviewResultsQuerySchema } from "@/lib/api/gallery-requests";
import type { ReviewResultsView } from "@/lib/api/review-views";
import { contentDisposition } from "@/lib/downloads/filename";
import { json, routeHandler } from "@/lib/http/route-handler";
import { getReviewResults } from "@/lib/reviews/review-results";
import { tallyCsv } from "@/lib/views/tally";
import { getDb } from "@/lib/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// GET /api/galleries/:slug/results — the owner's tally of a review link, as JSON or ?format=csv
export const GET = routeHandler<{ slug: string }, undefined, typeof reviewResultsQuerySchema>(
  { access: "session", query: reviewResultsQuerySchema },
  async ({ params, query }) => {
    const results = await getReviewResults(await getDb(), params.slug);
    if (query.format === "json")
      return json<ReviewResultsView>(results, { headers: { "Cache-Control": "no-store" } });
    return new Response(tallyCsv(results), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition(`prism-review-${params.slug}.csv`),
        "Cache-Control": "no-store",
      },
    });
  },
);
