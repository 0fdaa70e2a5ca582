"use client";

import type { Ref } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { ModelView } from "@/lib/api/views";
import type { CostEstimate, ModelDefinition, SharedSettings } from "@/lib/models/types";
import type { ModelFormHandle } from "./model-form-handle";
import { ModelOption } from "./model-option";

export interface PickableModel {
  view: ModelView;
  model: ModelDefinition;
}

interface ModelPickerProps {
  models: PickableModel[];
  selected: readonly string[];
  onToggle: (modelId: string, selected: boolean) => void;
  shared: SharedSettings;
  estimates: Record<string, CostEstimate | undefined>;
  edits: Record<string, Record<string, unknown>>;
  onEstimate: (modelId: string, estimate: CostEstimate | undefined) => void;
  formRef: (modelId: string) => Ref<ModelFormHandle>;
}

function groupByProvider(models: PickableModel[]) {
  const groups = new Map<string, PickableModel[]>();
  for (const entry of models)
    groups.set(entry.view.providerName, [...(groups.get(entry.view.providerName) ?? []), entry]);
  return [...groups.entries()];
}

export function ModelPicker({
  models,
  selected,
  onToggle,
  shared,
  estimates,
  edits,
  onEstimate,
  formRef,
}: ModelPickerProps) {
  return (
    <fieldset className="grid gap-4">
      <legend className="mb-2 flex w-full items-baseline justify-between text-xs font-semibold text-fg">
        Models
        <span className="font-normal text-fg-subtle">{selected.length} selected</span>
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
                selected={selected.includes(view.id)}
                onToggle={onToggle}
                shared={shared}
                estimate={estimates[view.id]}
                initialEdits={edits[view.id]}
                onEstimate={onEstimate}
                formRef={formRef(view.id)}
              />
            ))}
          </section>
        );
      })}
    </fieldset>
  );
}
