"use client";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { ModelView } from "@/lib/api/views";
import type { ModelDefinition } from "@/lib/models/types";
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

function groupByProvider(models: PickableModel[]) {
  const groups = new Map<string, PickableModel[]>();
  for (const entry of models)
    groups.set(entry.view.providerName, [...(groups.get(entry.view.providerName) ?? []), entry]);
  return [...groups.entries()];
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
      {groupByProvider(models).map(([provider, entries]) => {
        const available = entries.some((entry) => entry.view.available);
        const simulated = entries.some((entry) => entry.view.simulated);
        return (
          <section key={provider} aria-label={provider} className="grid gap-1.5">
            <h2 className="flex items-center gap-2 text-[11px] font-semibold tracking-wide text-fg-subtle uppercase">
              {provider}
              <span className="flex items-center gap-1 font-medium tracking-normal normal-case">
                <span
                  className={cn("size-1.5 rounded-full", available ? "bg-success" : "bg-line-strong")}
                  aria-hidden
                />
                {available ? "Available" : "Not configured"}
              </span>
              {simulated ? (
                <Badge tone="warning" className="ml-auto tracking-normal normal-case">
                  Simulated
                </Badge>
              ) : null}
            </h2>
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
        );
      })}
    </fieldset>
  );
}
