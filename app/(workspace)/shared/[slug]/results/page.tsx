import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReviewResults } from "@/components/review/review-results";
import { isAppError } from "@/lib/errors";
import { getReviewResults } from "@/lib/reviews/review-results";
import { getDb } from "@/lib/server/runtime";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review results", robots: { index: false, follow: false } };

/** The owner's results of a review link (a workspace page: the proxy asks for a session). */
export default async function ReviewResultsPage({ params }: PageProps<"/shared/[slug]/results">) {
  const { slug } = await params;
  const results = await getReviewResults(await getDb(), slug).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    if (isAppError(error) && error.code === "conflict") return null;
    throw error;
  });
  return (
    <main id="main" className="mx-auto grid max-w-4xl gap-6 px-4 py-6 sm:px-6 lg:py-8">
      <Link href="/shared" className="text-sm text-accent underline">
        ← Shared links
      </Link>
      {results ? (
        <ReviewResults results={results} />
      ) : (
        <p className="rounded-lg bg-surface-muted px-4 py-3 text-sm text-fg-muted">
          This link does not ask for picks: it was shared without Review, so there are no results.
        </p>
      )}
    </main>
  );
}
