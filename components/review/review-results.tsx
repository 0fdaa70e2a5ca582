import { namesInContext } from "@/lib/labels/names";
import { buttonClasses } from "@/components/ui/button";
import { DownloadIcon, ExternalIcon } from "@/components/ui/icons";
import type { ReviewResultsView } from "@/lib/api/review-views";
import { BallotList } from "./ballot-list";
import { InviteForm, NextRoundForm, VotingToggle } from "./review-actions";
import { RevealButton } from "./reveal-button";
import { PromptResults } from "./prompt-results";

function stateOf(results: ReviewResultsView): string {
  const shown = results.revealed
    ? "Revealed: reviewers see the model names and the tally"
    : results.blind
      ? "Blind: reviewers do not see which model made which image"
      : "Open: reviewers see the model names, not the tally";
  return `${shown} · ${results.open ? "voting is open" : "voting is closed"}`;
}

/**
 * Per prompt, image, configuration and model: picks and win rate as bars and how clear the lead is;
 * every ballot beside the images it picked; CSV exports, reveal, closing, rounds and invites.
 */
export function ReviewResults({ results }: { results: ReviewResultsView }) {
  const slug = encodeURIComponent(results.slug);
  const names = namesInContext([
    ...new Set(results.prompts.flatMap((prompt) => prompt.models.map((model) => model.modelId))),
  ]);
  return (
    <>
      <header className="grid gap-3">
        <div className="grid gap-1">
          <p className="text-xs font-medium text-accent">
            Review results{results.round > 1 ? ` · round ${results.round}` : null}
          </p>
          <h1 className="text-xl font-semibold tracking-tight text-balance">{results.title}</h1>
          <p className="text-sm text-fg-muted">
            <span data-testid="ballot-count">
              {results.ballotCount} {results.ballotCount === 1 ? "ballot" : "ballots"}
            </span>{" "}
            · {stateOf(results)}
          </p>
          {results.previousRound ? (
            <a
              href={`/shared/${encodeURIComponent(results.previousRound.slug)}/results`}
              className="text-sm text-accent underline"
            >
              Results of round {results.previousRound.round}
            </a>
          ) : null}
          {results.nextRounds.map((next) => (
            <a
              key={next.slug}
              href={`/shared/${encodeURIComponent(next.slug)}/results`}
              className="text-sm text-accent underline"
            >
              Round {next.round}: its results
            </a>
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-2">
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
          <a
            href={`/api/galleries/${slug}/results?format=csv&rows=ballots`}
            download
            className={buttonClasses("secondary", "sm")}
          >
            <DownloadIcon />
            Export ballots CSV
          </a>
          <VotingToggle slug={results.slug} open={results.open} />
          {results.revealed ? null : <RevealButton slug={results.slug} blind={results.blind} />}
        </div>
      </header>
      {results.ballots.length === 0 ? (
        <p className="rounded-lg bg-surface-muted px-4 py-3 text-sm text-fg-muted">
          No ballots yet. Send the link to your reviewers: each picks a favourite per prompt.
        </p>
      ) : null}
      {results.prompts.map((prompt) => (
        <PromptResults key={prompt.key} prompt={prompt} names={names} />
      ))}
      {results.ballots.length > 0 ? <BallotList slug={results.slug} results={results} names={names} /> : null}
      <section
        aria-labelledby="next-steps-heading"
        className="grid gap-4 rounded-card border border-line bg-surface p-5"
      >
        <h2 id="next-steps-heading" className="text-base font-semibold">
          Next steps
        </h2>
        <NextRoundForm slug={results.slug} />
        <InviteForm slug={results.slug} />
      </section>
    </>
  );
}
