"use client";

import type { Ref } from "react";
import { RUN_LIMITS } from "@/lib/labels/run-size";
import type { CostEstimate, ModelDefinition, SharedSettings } from "@/lib/models/types";
import { type ConfigReport, ModelConfig } from "./model-config";
import type { ModelFormHandle } from "./model-form-handle";
import type { ConfigDraft } from "./run-configs";

/** What the playground does with a model's configurations. */
export interface VariantActions {
  /** False at the run's limit of configurations. */
  canAdd: boolean;
  /** Adds a copy of this configuration right after it. */
  add(key: string): void;
  remove(key: string): void;
  /** Opens the sweep dialog on this configuration. */
  sweep(key: string): void;
}

/** What every model's configurations share: passed down the picker as one object. */
export interface VariantsContext {
  shared: SharedSettings;
  seedLocked: boolean;
  /** By configuration key. */
  estimates: Record<string, CostEstimate | undefined>;
  labels: Map<string, string>;
  onReport: (configKey: string, report: ConfigReport) => void;
  formRef: (configKey: string) => Ref<ModelFormHandle>;
  actions: VariantActions;
}

interface ModelVariantsProps {
  model: ModelDefinition;
  /** "Z-Image Turbo (pixazo)": the accessible names of the controls say which model they act on. */
  modelLabel: string;
  configs: ConfigDraft[];
  /** Column labels by configuration key ("Z-Image Turbo · 16 steps"). */
  labels: Map<string, string>;
  shared: SharedSettings;
  seedUnsupported: boolean;
  onReport: (configKey: string, report: ConfigReport) => void;
  formRef: (configKey: string) => Ref<ModelFormHandle>;
  actions: VariantActions;
}

const actionClasses =
  "min-h-6 rounded-md px-1.5 text-xs font-medium text-accent hover:bg-accent-soft hover:text-accent-strong aria-disabled:cursor-not-allowed aria-disabled:opacity-50";

/** What tells a variant apart: its column label without the model's name. */
function difference(label: string | undefined, model: ModelDefinition): string {
  const rest = label?.startsWith(`${model.name} · `) ? label.slice(model.name.length + 3) : "";
  return rest || "same settings as another variant";
}

/** The configurations of one selected model: one parameter form each, with Add variant and Sweep. */
export function ModelVariants({
  model,
  modelLabel,
  configs,
  labels,
  shared,
  seedUnsupported,
  onReport,
  formRef,
  actions,
}: ModelVariantsProps) {
  const several = configs.length > 1;
  const last = configs.at(-1);
  const prefix = model.id.replace(/\W+/g, "-");
  const addButton = last ? (
    <button
      type="button"
      className={actionClasses}
      aria-disabled={!actions.canAdd || undefined}
      title={actions.canAdd ? undefined : RUN_LIMITS.configurations}
      aria-label={`Add variant of ${modelLabel}`}
      onClick={() => actions.canAdd && actions.add(last.key)}
    >
      + Add variant
    </button>
  ) : null;
  return (
    <div className="grid grid-cols-1 gap-2">
      {configs.map((config, index) => {
        const name = several ? `${modelLabel} variant ${index + 1}` : modelLabel;
        const form = (
          <ModelConfig
            ref={formRef(config.key)}
            configKey={config.key}
            model={model}
            label={name}
            shared={shared}
            initialEdits={config.edits}
            seedUnsupported={seedUnsupported}
            idPrefix={index === 0 ? prefix : `${prefix}-variant-${index + 1}`}
            onReport={onReport}
          />
        );
        const sweepButton = (
          <button
            type="button"
            className={actionClasses}
            aria-label={`Sweep a parameter of ${name}`}
            onClick={() => actions.sweep(config.key)}
          >
            Sweep…
          </button>
        );
        if (!several)
          return (
            <div key={config.key} className="grid grid-cols-1 gap-1">
              {form}
              <div className="flex gap-1">
                {addButton}
                {sweepButton}
              </div>
            </div>
          );
        return (
          <div
            key={config.key}
            role="group"
            aria-label={name}
            className="grid min-w-0 grid-cols-1 gap-1 border-l-2 border-accent/30 pl-2.5"
          >
            <div className="flex items-center gap-1">
              <span className="min-w-0 flex-1 truncate text-xs font-medium text-fg">
                Variant {index + 1}
                <span className="font-normal text-fg-muted">
                  {" "}
                  · {difference(labels.get(config.key), model)}
                </span>
              </span>
              {sweepButton}
              <button
                type="button"
                className={actionClasses}
                aria-label={`Remove ${name}`}
                onClick={() => actions.remove(config.key)}
              >
                Remove
              </button>
            </div>
            {form}
          </div>
        );
      })}
      {several ? <div>{addButton}</div> : null}
    </div>
  );
}
