"use client";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatUsd } from "@/lib/format-usd";
import type { ModelView } from "@/lib/api/views";
import { takesSeed } from "@/lib/models/seeds";
import type { CostEstimate, ModelDefinition } from "@/lib/models/types";
import { ModelVariants, type VariantsContext } from "./model-variants";
import type { ConfigDraft } from "./run-configs";
import { blockedReason } from "./model-blocked";

interface ModelOptionProps {
  view: ModelView;
  model: ModelDefinition;
  /** This model's configurations; none when it is not selected. */
  configs: ConfigDraft[];
  onToggle: (modelId: string, selected: boolean) => void;
  context: VariantsContext;
  inputCount: number;
}

function priceHint(view: ModelView, selected: boolean, estimate: CostEstimate | undefined) {
  if (!selected || estimate === undefined) return view.pricing;
  // No published price: the daily budget counts an assumed one (PRISM_ASSUMED_PRICES).
  return estimate === null
    ? `assumed ${formatUsd(view.assumedImagePriceUsd)} / image`
    : `est. ${formatUsd(estimate)}`;
}

export function ModelOption({ view, model, configs, onToggle, context, inputCount }: ModelOptionProps) {
  const selected = configs.length > 0;
  const blocked = blockedReason(view, inputCount);
  const ignoresInputs = inputCount > 0 && view.inputImages.max === 0;
  // With several variants the hint is the model's pricing; each variant's estimate adds up below.
  const estimate = configs.length === 1 ? context.estimates[configs[0]!.key] : undefined;
  const checkboxId = `model-${view.id.replace(/\W+/g, "-")}`;
  const label = `${view.name} (${view.providerName})`;
  return (
    <div
      role="group"
      aria-label={label}
      className={cn(
        "grid grid-cols-1 gap-2 rounded-xl border px-3 py-2.5 transition-colors",
        selected ? "border-accent/40 bg-accent-soft/40" : "border-line bg-surface",
        blocked && "opacity-70",
      )}
    >
      <div className="flex items-start gap-3">
        <input
          id={checkboxId}
          type="checkbox"
          checked={selected}
          disabled={blocked !== null && !selected}
          onChange={(event) => onToggle(view.id, event.target.checked)}
          aria-label={label}
          aria-describedby={`${checkboxId}-good-for ${checkboxId}-description ${checkboxId}-hint`}
          className="mt-0.5 size-4 shrink-0 cursor-pointer rounded accent-accent disabled:cursor-not-allowed pointer-coarse:mt-0 pointer-coarse:size-6"
        />
        <label htmlFor={checkboxId} className="grid min-w-0 flex-1 cursor-pointer gap-0.5">
          <span className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5">
            <span className="text-sm font-medium text-fg">{view.name}</span>
            <span data-provider className="flex items-center gap-1 text-xs text-fg-subtle">
              <span
                className={cn("size-1.5 rounded-full", view.available ? "bg-success" : "bg-line-strong")}
                aria-hidden
              />
              {view.providerName}
              {view.simulated ? " · simulated" : ""}
            </span>
            {view.available ? null : <Badge tone="neutral">Unavailable</Badge>}
            {view.inputImages.min > 0 ? <Badge tone="neutral">Edits images</Badge> : null}
            {ignoresInputs ? <Badge tone="warning">Ignores your images</Badge> : null}
          </span>
          <span id={`${checkboxId}-good-for`} className="text-xs leading-snug text-fg">
            {view.goodFor}
          </span>
          <span id={`${checkboxId}-description`} className="text-xs leading-snug text-fg-muted">
            {view.description}
          </span>
          <span id={`${checkboxId}-hint`} className="text-xs text-fg-subtle">
            {blocked ?? priceHint(view, selected, estimate)}
          </span>
        </label>
      </div>
      {selected ? (
        <div className="min-w-0 pl-7">
          <ModelVariants
            model={model}
            modelLabel={label}
            configs={configs}
            labels={context.labels}
            shared={context.shared}
            seedUnsupported={context.seedLocked && !takesSeed(model)}
            onReport={context.onReport}
            formRef={context.formRef}
            actions={context.actions}
          />
        </div>
      ) : null}
    </div>
  );
}
