import type { CreateRunModel } from "@/lib/hooks/use-create-run";

/** What the playground asks of each selected model's form. */
export interface ModelFormHandle {
  /** Validates the form, opening it on errors; resolves to the run entry, or null when invalid. */
  validate(): Promise<CreateRunModel | null>;
  /** Moves the focus to the form's first invalid field; the playground calls it on the first invalid model only. */
  focusFirstError(): void;
  /** Puts a server-side issue on one of the model's fields and opens its parameters. */
  showIssue(field: string, message: string): void;
  /** The values the person changed away from the shared settings and defaults. */
  edits(): Record<string, unknown>;
  /** Every field's current value, valid or not. */
  values(): Record<string, unknown>;
}
