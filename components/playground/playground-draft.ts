import { ASPECT_RATIOS, type SharedSettings } from "@/lib/models/types";

const DRAFT_STORAGE_KEY = "prism-playground-draft";

export interface PlaygroundDraft {
  prompt: string;
  modelIds: string[];
  shared: SharedSettings;
  /** Values a person set explicitly in a model's own form, by model id. */
  edits: Record<string, Record<string, unknown>>;
  runId?: string;
}

function isDraft(value: unknown): value is PlaygroundDraft {
  if (typeof value !== "object" || value === null) return false;
  const draft = value as Partial<PlaygroundDraft>;
  return (
    typeof draft.prompt === "string" &&
    Array.isArray(draft.modelIds) &&
    typeof draft.edits === "object" &&
    ASPECT_RATIOS.includes(draft.shared?.aspectRatio as never) &&
    typeof draft.shared?.numImages === "number"
  );
}

export function loadDraft(): PlaygroundDraft | null {
  try {
    const stored = JSON.parse(window.localStorage.getItem(DRAFT_STORAGE_KEY) ?? "null");
    return isDraft(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function saveDraft(draft: PlaygroundDraft): void {
  try {
    window.localStorage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(draft));
  } catch {}
}
