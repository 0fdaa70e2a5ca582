import type { Agreement, ImageTally, PromptTally, ReviewTally } from "@/lib/api/review-views";
import { wilsonInterval } from "@/lib/scorecard/wilson";

/** Pure: counting ballots, apart from reading them, so the rules are unit-tested without a database. */

export interface TallyOption {
  imageId: string;
  modelId: string;
  /** The configuration (model and parameters) that made the image: same key, same configuration. */
  configKey: string;
  /** The configuration's label, as its matrix column reads. */
  label: string;
}

export interface TallyPrompt {
  key: string;
  prompt: string;
  /** Every image offered for this prompt with the configuration it came from. */
  options: TallyOption[];
}

export interface TallyBallot {
  reviewerId: string;
  promptKey: string;
  /** Null for "None of these". */
  imageId: string | null;
  /** "None of these" (imageId null). */
  none?: boolean;
}

/** The most picked image, if one leads alone, and whether its interval clears the runner-up's. */
export function agreementOf(images: ImageTally[], ballots: number): Agreement | null {
  const [first, second] = images;
  if (!first || first.picks === 0 || (second && second.picks === first.picks)) return null;
  const interval = wilsonInterval(first.picks, ballots)!;
  const runnerUp = wilsonInterval(second?.picks ?? 0, ballots)!;
  return {
    imageId: first.imageId,
    label: first.label,
    picks: first.picks,
    ballots,
    share: interval.value,
    low: interval.low,
    high: interval.high,
    clear: interval.low > runnerUp.high,
  };
}

/**
 * Per prompt: picks and win rate (picks ÷ ballots on that prompt) per model, per configuration and
 * per image. Ballots for images no longer in the gallery (deleted since) count towards nobody.
 */
export function tallyBallots(prompts: TallyPrompt[], ballots: TallyBallot[]): ReviewTally {
  const tallies = prompts.map((prompt): PromptTally => {
    const offered = new Set(prompt.options.map((option) => option.imageId));
    // "None of these" is a ballot on the prompt: it counts in the denominator, for no image.
    const counted = ballots.filter(
      (ballot) =>
        ballot.promptKey === prompt.key &&
        (ballot.none || (ballot.imageId !== null && offered.has(ballot.imageId))),
    );
    const numbers = new Map<string, number>();
    const seen = new Map<string, number>();
    for (const { imageId, configKey } of prompt.options) {
      seen.set(configKey, (seen.get(configKey) ?? 0) + 1);
      numbers.set(imageId, seen.get(configKey)!);
    }
    const picked = new Map<string, number>();
    for (const { imageId } of counted) if (imageId) picked.set(imageId, (picked.get(imageId) ?? 0) + 1);
    // Summed per key, every key listed (0 when nobody chose it), most picked first, else as offered.
    const count = <T>(keyOf: (option: TallyOption) => string, entry: (option: TallyOption) => T) => {
      const counts = new Map<string, { entry: T; picks: number }>();
      for (const option of prompt.options) {
        const current = counts.get(keyOf(option)) ?? { entry: entry(option), picks: 0 };
        current.picks += picked.get(option.imageId) ?? 0;
        counts.set(keyOf(option), current);
      }
      return [...counts.values()]
        .map(({ entry, picks }) => ({
          ...entry,
          picks,
          winRate: counted.length === 0 ? 0 : picks / counted.length,
        }))
        .sort((a, b) => b.picks - a.picks);
    };
    const images = count(
      (option) => option.imageId,
      ({ imageId, modelId, configKey, label }) => ({
        imageId,
        modelId,
        configKey,
        label,
        number: numbers.get(imageId)!,
      }),
    );
    return {
      key: prompt.key,
      prompt: prompt.prompt,
      ballots: counted.length,
      none: counted.filter((ballot) => ballot.none).length,
      models: count(
        (option) => option.modelId,
        ({ modelId }) => ({ modelId }),
      ),
      configurations: count(
        (option) => option.configKey,
        ({ configKey, modelId, label }) => ({ key: configKey, modelId, label }),
      ),
      images,
      leader: agreementOf(images, counted.length),
    };
  });
  const reviewers = new Set(
    ballots
      .filter((ballot) => prompts.some((prompt) => prompt.key === ballot.promptKey))
      .map((ballot) => ballot.reviewerId),
  );
  return { ballots: reviewers.size, prompts: tallies };
}

/** One CSV cell, quoted where needed; a leading =, +, - or @ would make a spreadsheet run it as a formula. */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The results as CSV: one row per prompt and image, with its model and configuration, for a
 * spreadsheet or a deck (a pivot on `model` or `configuration` sums them).
 */
export function tallyCsv(tally: { prompts: PromptTally[] }): string {
  const rows = [["prompt", "model", "configuration", "image", "picks", "ballots", "win_rate"]];
  for (const prompt of tally.prompts) {
    for (const image of prompt.images) {
      rows.push([
        prompt.prompt,
        image.modelId,
        image.label,
        image.imageId,
        String(image.picks),
        String(prompt.ballots),
        image.winRate.toFixed(4),
      ]);
    }
  }
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
