import type { ReviewResultsView } from "@/lib/api/review-views";
import { configurationName } from "@/lib/labels/names";
import { TallyBar } from "./tally-bar";
import { StoredImage } from "@/components/ui/stored-image";

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
        </p>
      </div>
      <ul aria-label="Picks per image" className="grid gap-3">
        {prompt.images.map((image) => (
          <li key={image.imageId} className="flex items-center gap-3">
            <StoredImage
              src={image.thumbnailUrl}
              alt=""
              width={48}
              height={48}
              loading="lazy"
              className="size-12 shrink-0 rounded-md bg-surface-sunken object-cover"
            />
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
