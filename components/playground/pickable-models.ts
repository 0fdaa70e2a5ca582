import { namesInContext } from "@/lib/labels/names";
import type { ModelView } from "@/lib/api/views";
import { findModel } from "@/lib/models/catalog";
import type { PickableModel } from "./model-picker";
import type { PlaygroundDraft } from "./playground-draft";
import { type PromptLimit, promptLimit } from "./prompt-limit";
import { configDraft } from "./run-configs";

// One model per family, so a first run shows how differently models read the same prompt.
const PREFERRED_MODEL_IDS = ["shortapi/flux-1.0", "shortapi/gpt-image-2", "pixazo/z-image-turbo"];

/** The published models this build's catalog defines, each with its definition for the form. */
export function pickable(views: ModelView[]): PickableModel[] {
  return views.flatMap((view) => {
    const model = findModel(view.id);
    return model ? [{ view, model }] : [];
  });
}

/** The draft's configurations that can still run here, else a first visit's preselection. */
export function initialConfigs(models: PickableModel[], draft: PlaygroundDraft | null) {
  const available = models.filter((entry) => entry.view.available).map((entry) => entry.view.id);
  const fromDraft = draft?.configs.filter((config) => available.includes(config.modelId)) ?? [];
  if (fromDraft.length > 0) return fromDraft.map((config) => configDraft(config.modelId, config.edits));
  // A first run has no input images, so a model that needs some is never preselected.
  const textOnly = models
    .filter((entry) => entry.view.available && entry.view.inputImages.min === 0)
    .map((entry) => entry.view.id);
  const preferred = PREFERRED_MODEL_IDS.filter((id) => textOnly.includes(id));
  return (preferred.length >= 2 ? preferred : textOnly.slice(0, 3)).map((id) => configDraft(id));
}

/** The prompt limit of the selected models, naming the one that sets it as the picker does. */
export function selectedPromptLimit(models: PickableModel[], selected: string[]): PromptLimit {
  const labels = namesInContext(selected);
  return promptLimit(
    models.map(({ view, model }) => ({
      id: view.id,
      label: labels.get(view.id) ?? view.name,
      promptMaxLength: model.promptMaxLength,
    })),
    selected,
  );
}
/** Whether a model edits pictures: it cannot run without input images. */
export const needsInputs = (view: Pick<ModelView, "inputImages">) => view.inputImages.min > 0;

/**
 * What the selection becomes when the number of input images changes: models that need more
 * images than there are leave; with the first image, text-only models (which would ignore it)
 * leave and, if no edit model is selected, the available ones that can run are selected; with the
 * last image gone and nothing left, a first visit's selection comes back.
 */
export function selectionForInputs(
  models: PickableModel[],
  selected: string[],
  previousCount: number,
  count: number,
  room: number,
): { remove: string[]; add: string[] } {
  const byId = new Map(models.map((entry) => [entry.view.id, entry.view]));
  const remove = selected.filter((id) => {
    const view = byId.get(id);
    if (!view) return false;
    if (view.inputImages.min > count) return true;
    return previousCount === 0 && count > 0 && view.inputImages.max === 0;
  });
  const kept = selected.filter((id) => !remove.includes(id));
  let add: string[] = [];
  if (previousCount === 0 && count > 0 && !kept.some((id) => needsInputs(byId.get(id)!))) {
    add = models
      .filter(({ view }) => view.available && needsInputs(view) && view.inputImages.min <= count)
      .map(({ view }) => view.id);
  } else if (count === 0 && kept.length === 0) {
    add = initialConfigs(models, null).map((config) => config.modelId);
  }
  return { remove, add: add.slice(0, Math.max(0, room + remove.length)) };
}
