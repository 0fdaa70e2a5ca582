import type { InputView } from "@/lib/api/views";
import { ASPECT_RATIOS, type SharedSettings } from "@/lib/models/types";
import type { PromptMode, SeedSetting } from "./run-configs";

const DRAFT_STORAGE_KEY = "prism-playground-draft";
/** The session's feed kept across a reload; older runs stay in History. */
const MAX_FEED_ENTRIES = 20;

/** A run of the session's feed, with what its collapsed row shows. */
export interface FeedEntry {
  id: string;
  prompt: string;
  promptCount: number;
  configCount: number;
}

export interface PlaygroundDraft {
  prompt: string;
  promptMode: PromptMode;
  /** The configurations in order, each with the values set explicitly on its own form. */
  configs: { modelId: string; edits: Record<string, unknown> }[];
  shared: SharedSettings;
  seed: SeedSetting;
  /** Newest first. */
  feed: FeedEntry[];
  /** The next run's input images, in order (already stored: only their views are kept). */
  inputs: InputView[];
  /** The run the form was loaded from by Edit & re-run, so the next run still says what changed. */
  editedFrom: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isInput = (value: unknown): value is InputView =>
  isRecord(value) &&
  typeof value.id === "string" &&
  typeof value.thumbnailUrl === "string" &&
  typeof value.width === "number" &&
  typeof value.height === "number";

const isFeedEntry = (value: unknown): value is FeedEntry =>
  isRecord(value) && typeof value.id === "string" && typeof value.prompt === "string";

/** A stored draft, including one saved before variants (modelIds, edits by model, one runId). */
export function parseDraft(value: unknown): PlaygroundDraft | null {
  if (!isRecord(value) || typeof value.prompt !== "string") return null;
  const shared = value.shared as Partial<SharedSettings> | undefined;
  if (!ASPECT_RATIOS.includes(shared?.aspectRatio as never) || typeof shared?.numImages !== "number")
    return null;
  const legacyEdits = isRecord(value.edits) ? value.edits : {};
  const configs = Array.isArray(value.configs)
    ? value.configs.filter(
        (config): config is PlaygroundDraft["configs"][number] =>
          isRecord(config) && typeof config.modelId === "string" && isRecord(config.edits),
      )
    : Array.isArray(value.modelIds)
      ? value.modelIds
          .filter((id): id is string => typeof id === "string")
          .map((modelId) => ({ modelId, edits: isRecord(legacyEdits[modelId]) ? legacyEdits[modelId] : {} }))
      : [];
  const seed = isRecord(value.seed) ? value.seed : {};
  const feed = Array.isArray(value.feed)
    ? value.feed.filter(isFeedEntry)
    : typeof value.runId === "string"
      ? [{ id: value.runId, prompt: "", promptCount: 1, configCount: 0 }]
      : [];
  return {
    prompt: value.prompt,
    promptMode: value.promptMode === "variants" ? "variants" : "single",
    configs,
    shared: { aspectRatio: shared.aspectRatio!, numImages: shared.numImages },
    seed: { locked: seed.locked === true, value: typeof seed.value === "string" ? seed.value : "" },
    feed: feed.slice(0, MAX_FEED_ENTRIES),
    inputs: Array.isArray(value.inputs) ? value.inputs.filter(isInput) : [],
    editedFrom: typeof value.editedFrom === "string" ? value.editedFrom : null,
  };
}

export function loadDraft(): PlaygroundDraft | null {
  try {
    return parseDraft(JSON.parse(window.localStorage.getItem(DRAFT_STORAGE_KEY) ?? "null"));
  } catch {
    return null;
  }
}

export function saveDraft(draft: PlaygroundDraft): void {
  try {
    window.localStorage.setItem(
      DRAFT_STORAGE_KEY,
      JSON.stringify({ ...draft, feed: draft.feed.slice(0, MAX_FEED_ENTRIES) }),
    );
  } catch {}
}
