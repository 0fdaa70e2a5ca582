import { namesInContext } from "@/lib/labels/names";
import { buttonClasses } from "@/components/ui/button";
import { DownloadIcon, ExternalIcon } from "@/components/ui/icons";
import type { ReviewResultsView } from "@/lib/api/review-views";
import { RevealButton } from "./reveal-button";
import { PromptResults } from "./prompt-results";

/**
 * A reviewer writes one comment with all their picks, so it is filed under each prompt they voted
 * on: shown once here.
 */
function uniqueComments(results: ReviewResultsView) {
  const seen = new Set<string>();
  return results.prompts
    .flatMap((prompt) => prompt.comments)
    .filter((comment) => {
      const key = JSON.stringify([comment.reviewerName ?? null, comment.text]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function Comments({ comments }: { comments: ReturnType<typeof uniqueComments> }) {
  return (
    <section aria-labelledby="comments-heading" className="grid gap-2">
      <h2 id="comments-heading" className="text-base font-semibold">
        Comments
      </h2>
      <ul aria-label="Comments" className="grid gap-2">
        {comments.map((comment, index) => (
          <li key={index} className="rounded-lg border border-line bg-surface px-4 py-3 text-sm shadow-xs">
            <p className="whitespace-pre-wrap">{comment.text}</p>
            <p className="mt-1 text-xs text-fg-subtle">— {comment.reviewerName ?? "Anonymous"}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Per prompt, image, configuration and model: picks and win rate as bars, and every comment; CSV export and reveal. */
export function ReviewResults({ results }: { results: ReviewResultsView }) {
  const slug = encodeURIComponent(results.slug);
  const names = namesInContext([
    ...new Set(results.prompts.flatMap((prompt) => prompt.models.map((model) => model.modelId))),
  ]);
  const comments = uniqueComments(results);
  const state = results.revealed
    ? "Revealed: reviewers see the model names and the tally"
    : results.blind
      ? "Blind: reviewers do not see which model made which image"
      : "Open: reviewers see the model names, not the tally";
  return (
    <>
      <header className="grid gap-3">
        <div className="grid gap-1">
          <p className="text-xs font-medium text-accent">Review results</p>
          <h1 className="text-xl font-semibold tracking-tight text-balance">{results.title}</h1>
          <p className="text-sm text-fg-muted">
            <span data-testid="ballot-count">
              {results.ballots} {results.ballots === 1 ? "ballot" : "ballots"}
            </span>{" "}
            · {state}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <a href={`/g/${slug}`} className={buttonClasses("secondary", "sm")}>
            <ExternalIcon />
            Open the share page
          </a>
          <a
            href={`/api/galleries/${slug}/results?format=csv`}
            download
            className={buttonClasses("secondary", "sm")}
          >
            <DownloadIcon />
            Export CSV
          </a>
          {results.revealed ? null : <RevealButton slug={results.slug} blind={results.blind} />}
        </div>
      </header>
      {results.ballots === 0 ? (
        <p className="rounded-lg bg-surface-muted px-4 py-3 text-sm text-fg-muted">
          No ballots yet. Send the link to your reviewers: each picks a favourite per prompt.
        </p>
      ) : null}
      {results.prompts.map((prompt) => (
        <PromptResults key={prompt.key} prompt={prompt} names={names} />
      ))}
      {comments.length > 0 ? <Comments comments={comments} /> : null}
    </>
  );
}
