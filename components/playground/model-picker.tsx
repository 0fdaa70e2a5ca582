"use client";

import type { ModelView } from "@/lib/api/views";
import { MODEL_FAMILIES, type ModelDefinition } from "@/lib/models/types";
import { ModelOption } from "./model-option";
import type { VariantsContext } from "./model-variants";
import type { ConfigDraft } from "./run-configs";

export interface PickableModel {
  view: ModelView;
  model: ModelDefinition;
}

interface ModelPickerProps {
  models: PickableModel[];
  configs: readonly ConfigDraft[];
  onToggle: (modelId: string, selected: boolean) => void;
  context: VariantsContext;
  /** The next run's input images: edit models need some, text-only models ignore them. */
  inputCount: number;
}

/** The picker's groups: each family in the catalog's order, its models from every provider. */
function groupByFamily(models: PickableModel[]) {
  const groups = new Map<string, PickableModel[]>(MODEL_FAMILIES.map((family) => [family, []]));
  for (const entry of models)
    groups.set(entry.view.family, [...(groups.get(entry.view.family) ?? []), entry]);
  return [...groups.entries()].filter(([, entries]) => entries.length > 0);
}

export function ModelPicker({ models, configs, onToggle, context, inputCount }: ModelPickerProps) {
  const selectedCount = new Set(configs.map((config) => config.modelId)).size;
  return (
    <fieldset className="grid gap-4">
      <legend className="mb-2 flex w-full items-baseline justify-between text-xs font-semibold text-fg">
        Models
        <span className="font-normal text-fg-subtle">
          {selectedCount} selected
          {configs.length > selectedCount ? ` · ${configs.length} configurations` : ""}
        </span>
      </legend>
      {groupByFamily(models).map(([family, entries]) => (
        <section key={family} aria-label={family} className="grid gap-1.5">
          <h2 className="text-[11px] font-semibold tracking-wide text-fg-subtle uppercase">{family}</h2>
          {entries.map(({ view, model }) => (
            <ModelOption
              key={view.id}
              view={view}
              model={model}
              configs={configs.filter((config) => config.modelId === view.id)}
              onToggle={onToggle}
              context={context}
              inputCount={inputCount}
            />
          ))}
        </section>
      ))}
    </fieldset>
  );
}
