import type { BallotView, ReviewResultsView } from "@/lib/api/review-views";
import { configurationName } from "@/lib/labels/names";
import { ExcludeBallotButton } from "./exclude-ballot-button";
import { ResultThumbnail } from "./result-thumbnail";

const DATE = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

type ResultPrompt = ReviewResultsView["prompts"][number];

function PickRow({
  prompt,
  pick,
  names,
}: {
  prompt: ResultPrompt;
  pick: BallotView["picks"][number] | undefined;
  names: Map<string, string>;
}) {
  const image = pick?.imageId ? prompt.images.find((entry) => entry.imageId === pick.imageId) : undefined;
  return (
    <li className="flex items-start gap-3">
      <ResultThumbnail src={image?.thumbnailUrl} size={56} placeholder={pick?.none ? "∅" : "–"} />
      <span className="grid min-w-0 gap-0.5 text-sm">
        <span className="truncate text-xs text-fg-subtle">{prompt.prompt}</span>
        <span className="font-medium">
          {image ? configurationName(image, names) : pick?.none ? "None of these" : "No pick"}
        </span>
        {pick?.comment ? <span className="whitespace-pre-wrap text-fg-muted">“{pick.comment}”</span> : null}
      </span>
    </li>
  );
}

/** Every ballot with its comment beside the images that reviewer picked, in the owner's prompt order. */
export function BallotList({
  slug,
  results,
  names,
}: {
  slug: string;
  results: ReviewResultsView;
  names: Map<string, string>;
}) {
  return (
    <section aria-labelledby="ballots-heading" className="grid gap-3">
      <h2 id="ballots-heading" className="text-base font-semibold">
        Ballots
      </h2>
      <ul aria-label="Ballots" className="grid gap-3">
        {results.ballots.map((ballot) => {
          const who = ballot.reviewerName ?? ballot.inviteName ?? "Anonymous";
          return (
            <li
              key={ballot.id}
              aria-label={`Ballot of ${who}`}
              className="grid gap-3 rounded-card border border-line bg-surface p-4 shadow-xs"
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="grid gap-0.5">
                  <p className="text-sm font-semibold">
                    {who}
                    {ballot.excluded ? (
                      <span className="ml-2 text-xs font-medium text-danger">Excluded</span>
                    ) : null}
                  </p>
                  <p className="text-xs text-fg-subtle">
                    {ballot.source === "invite" ? `Invite: ${ballot.inviteName ?? ""}` : "Open link"} ·{" "}
                    <time dateTime={ballot.createdAt}>{DATE.format(new Date(ballot.createdAt))} UTC</time>
                  </p>
                </div>
                <ExcludeBallotButton slug={slug} id={ballot.id} excluded={ballot.excluded} who={who} />
              </div>
              {ballot.comment ? <p className="text-sm whitespace-pre-wrap">{ballot.comment}</p> : null}
              <ul aria-label={`Picks of ${who}`} className="grid gap-2">
                {results.prompts.map((prompt) => (
                  <PickRow
                    key={prompt.key}
                    prompt={prompt}
                    pick={ballot.picks.find((pick) => pick.promptKey === prompt.key)}
                    names={names}
                  />
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
