import type { PromptTally, ReviewTally } from "@/lib/api/review-views";

/** Pure: counting ballots, apart from reading them, so the rules are unit-tested without a database. */

export interface TallyPrompt {
  key: string;
  prompt: string;
  /** Every image offered for this prompt with the model it came from. */
  options: { imageId: string; modelId: string }[];
}

export interface TallyBallot {
  reviewerId: string;
  promptKey: string;
  imageId: string;
}

/**
 * Per prompt and per model: picks and win rate (picks ÷ ballots on that prompt). Every model offered
 * for a prompt is listed, with 0 picks when nobody chose it, most picked first. Ballots for images no
 * longer in the gallery (deleted since) count towards nobody.
 */
export function tallyBallots(prompts: TallyPrompt[], ballots: TallyBallot[]): ReviewTally {
  const tallies = prompts.map((prompt): PromptTally => {
    const modelOf = new Map(prompt.options.map((option) => [option.imageId, option.modelId]));
    const counted = ballots.filter(
      (ballot) => ballot.promptKey === prompt.key && modelOf.has(ballot.imageId),
    );
    const picks = new Map<string, number>(prompt.options.map((option) => [option.modelId, 0]));
    for (const ballot of counted) {
      const modelId = modelOf.get(ballot.imageId)!;
      picks.set(modelId, (picks.get(modelId) ?? 0) + 1);
    }
    const models = [...picks.entries()]
      .map(([modelId, count]) => ({
        modelId,
        picks: count,
        winRate: counted.length === 0 ? 0 : count / counted.length,
      }))
      .sort((a, b) => b.picks - a.picks);
    return { key: prompt.key, prompt: prompt.prompt, ballots: counted.length, models };
  });
  const reviewers = new Set(
    ballots
      .filter((ballot) => prompts.some((prompt) => prompt.key === ballot.promptKey))
      .map((ballot) => ballot.reviewerId),
  );
  return { ballots: reviewers.size, prompts: tallies };
}

/** The results as CSV: one row per prompt and model, for a spreadsheet or a deck. */
export function tallyCsv(tally: ReviewTally): string {
  const cell = (value: string) => {
    // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
    const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = [["prompt", "model", "picks", "ballots", "win_rate"]];
  for (const prompt of tally.prompts) {
    for (const model of prompt.models) {
      rows.push([
        prompt.prompt,
        model.modelId,
        String(model.picks),
        String(prompt.ballots),
        model.winRate.toFixed(4),
      ]);
    }
  }
  return `${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}
