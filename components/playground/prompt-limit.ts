export interface PromptLimit {
  maxLength: number;
  /** The model whose limit it is, when a selected model sets it. */
  setBy?: string;
}

interface LimitedModel {
  id: string;
  label: string;
  promptMaxLength: number;
}

/**
 * The longest prompt every selected model accepts, and which model sets it so the error can name
 * it. With nothing selected, the strictest model of the catalog.
 */
export function promptLimit(models: readonly LimitedModel[], selected: readonly string[]): PromptLimit {
  const chosen = models.filter((model) => selected.includes(model.id));
  const pool = chosen.length > 0 ? chosen : models;
  const strictest = pool.reduce<LimitedModel | undefined>(
    (best, model) => (best && best.promptMaxLength <= model.promptMaxLength ? best : model),
    undefined,
  );
  if (!strictest) return { maxLength: Number.POSITIVE_INFINITY };
  const shared =
    chosen.length > 0 && chosen.every((model) => model.promptMaxLength === strictest.promptMaxLength);
  return {
    maxLength: strictest.promptMaxLength,
    setBy: chosen.length > 0 && !shared ? strictest.label : undefined,
  };
}

/** The message for a prompt over the limit: it says whose limit it is and by how much it is over. */
export function tooLongMessage(limit: PromptLimit, length: number): string {
  const over = `${(length - limit.maxLength).toLocaleString("en-US")} over`;
  const max = limit.maxLength.toLocaleString("en-US");
  return limit.setBy
    ? `${limit.setBy} accepts at most ${max} characters (${over}). Shorten the prompt or untick it.`
    : `Prompts can be at most ${max} characters (${over}).`;
}
