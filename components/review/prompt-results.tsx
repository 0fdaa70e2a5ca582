import type { ReviewResultsView } from "@/lib/api/review-views";
import { configurationName } from "@/lib/labels/names";
import { TallyBar } from "./tally-bar";
import { ResultThumbnail } from "./result-thumbnail";

type ResultPrompt = ReviewResultsView["prompts"][number];

function Totals({
  label,
  rows,
  ballots,
}: {
  label: string;
  rows: { key: string; name: string; picks: number; winRate: number }[];
  ballots: number;
}) {
  return (
    <div className="grid gap-2">
      <h3 className="text-xs font-semibold text-fg-subtle">{label}</h3>
      <ul aria-label={label} className="grid gap-3">
        {rows.map((row) => (
          <li key={row.key}>
            <TallyBar label={row.name} picks={row.picks} ballots={ballots} winRate={row.winRate} />
          </li>
        ))}
      </ul>
    </div>
  );
}

const percent = (value: number) => `${Math.round(value * 100)} %`;

/** "2 of 3 reviewers picked X", with the 95 % Wilson interval and whether the lead is clear. */
function Agreement({
  prompt,
  name,
}: {
  prompt: ResultPrompt;
  name: (image: ResultPrompt["images"][number]) => string;
}) {
  const { leader } = prompt;
  if (prompt.ballots === 0) return null;
  if (!leader) {
    return <p className="text-sm text-fg-muted">No leader: the top picks are tied.</p>;
  }
  const image = prompt.images.find((entry) => entry.imageId === leader.imageId);
  return (
    <p className="text-sm text-fg-muted" data-testid="agreement">
      <span className="font-medium text-fg">
        {leader.picks} of {leader.ballots} {leader.ballots === 1 ? "reviewer" : "reviewers"}
      </span>{" "}
      picked {image ? name(image) : leader.label} (95 % interval {percent(leader.low)}–{percent(leader.high)}
      ): {leader.clear ? "a clear lead." : "not yet a clear lead."}
    </p>
  );
}

/**
 * One prompt's results: a bar per image with its thumbnail, labelled by model and configuration as
 * the matrix columns are; totals per configuration and per model only where they add something.
 */
export function PromptResults({ prompt, names }: { prompt: ResultPrompt; names: Map<string, string> }) {
  const imagesOf = (configKey: string) =>
    prompt.images.filter((image) => image.configKey === configKey).length;
  const imageName = (image: ResultPrompt["images"][number]) => {
    const name = configurationName(image, names);
    return imagesOf(image.configKey) > 1 ? `${name} · image ${image.number}` : name;
  };
  return (
    <section
      aria-label={`Results: ${prompt.prompt}`}
      className="grid gap-4 rounded-card border border-line bg-surface p-5 shadow-card"
    >
      <div className="grid gap-1">
        <h2 className="text-base leading-relaxed font-medium text-pretty whitespace-pre-wrap">
          {prompt.prompt}
        </h2>
        <p className="text-xs text-fg-subtle">
          {prompt.ballots} {prompt.ballots === 1 ? "vote" : "votes"}
          {prompt.none > 0 ? ` · ${prompt.none} said “None of these”` : null}
        </p>
        <Agreement prompt={prompt} name={(image) => imageName(image)} />
      </div>
      <ul aria-label="Picks per image" className="grid gap-3">
        {prompt.images.map((image) => (
          <li key={image.imageId} className="flex items-center gap-3">
            <ResultThumbnail src={image.thumbnailUrl} size={48} />
            <span className="min-w-0 flex-1">
              <TallyBar
                label={imageName(image)}
                picks={image.picks}
                ballots={prompt.ballots}
                winRate={image.winRate}
              />
            </span>
          </li>
        ))}
      </ul>
      {prompt.comments.length > 0 ? (
        <ul aria-label="Comments on this prompt" className="grid gap-1.5">
          {prompt.comments.map((comment, index) => (
            <li key={index} className="rounded-lg bg-surface-muted px-3 py-2 text-sm">
              <span className="whitespace-pre-wrap">{comment.text}</span>
              <span className="text-xs text-fg-subtle"> — {comment.reviewerName ?? "Anonymous"}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {prompt.configurations.length < prompt.images.length ? (
        <Totals
          label="Picks per configuration"
          ballots={prompt.ballots}
          rows={prompt.configurations.map((entry) => ({ ...entry, name: configurationName(entry, names) }))}
        />
      ) : null}
      {prompt.models.length < prompt.configurations.length ? (
        <Totals
          label="Picks per model"
          ballots={prompt.ballots}
          rows={prompt.models.map((entry) => ({
            ...entry,
            key: entry.modelId,
            name: names.get(entry.modelId) ?? entry.modelId,
          }))}
        />
      ) : null}
    </section>
  );
}
