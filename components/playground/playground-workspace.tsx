"use client";

import dynamic from "next/dynamic";
import { useMemo, useRef, useState } from "react";
import { RUN_LIMITS } from "@/lib/labels/run-size";
import { MAX_CONFIGURATIONS_PER_RUN } from "@/lib/models/run-limits";
import type { ModelView } from "@/lib/api/views";
import { findModel } from "@/lib/models/catalog";
import { cn } from "@/components/ui/cn";
import { EmptyResults } from "./empty-results";
import { GenerateBar } from "./generate-bar";
import { ModelPicker } from "./model-picker";
import { PLAYGROUND_GRID } from "./playground-skeleton";
import { PromptField } from "./prompt-field";
import { RunFeed } from "./run-feed";
import { SharedSettingsControls } from "./shared-settings";
import { useGenerate } from "./use-generate";
import { usePlaygroundState } from "./use-playground-state";
import { EditImageContext } from "@/components/media/edit-image";
import { pickable } from "./pickable-models";

// Opened by one person in ten: loaded when asked for.
const SweepDialog = dynamic(() => import("./sweep-dialog").then((module) => module.SweepDialog));
// The drop zone, paste and the file picker: loaded on demand, after the workspace itself.
const InputImages = dynamic(() => import("./input-images").then((module) => module.InputImages), {
  ssr: false,
  loading: () => <div className="skeleton h-14 rounded-xl" aria-hidden />,
});

/**
 * Everything below the skeleton, and everything that needs the zod catalog: loaded apart from the
 * page's first scripts (see load-workspace.ts).
 */
export function PlaygroundWorkspace({ views }: { views: ModelView[] }) {
  const models = useMemo(() => pickable(views), [views]);
  const formRef = useRef<HTMLFormElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const state = usePlaygroundState(models, { formRef, resultsRef });
  const { generate, pending } = useGenerate(state);
  const [sweep, setSweep] = useState<{ key: string; values: Record<string, unknown> } | null>(null);
  const { configs, ordered, feed, promptForm } = state;
  const sweepConfig = ordered.find((config) => config.key === sweep?.key);
  const sweepModel = sweepConfig ? findModel(sweepConfig.modelId) : undefined;
  // "Edit this image" on a result of the feed: the form then shows the new input.
  const editImage = (imageId: string) => {
    void state.inputs.editImage(imageId);
    formRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  };

  return (
    <EditImageContext value={editImage}>
      <div className={PLAYGROUND_GRID}>
        <form
          ref={formRef}
          aria-label="Generate images"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void generate();
          }}
          className="grid content-start gap-6 scroll-pb-28 lg:sticky lg:top-20 lg:max-h-[calc(100dvh-6rem)] lg:overflow-y-auto lg:pr-1"
        >
          {state.notice ? (
            <p
              role="status"
              className="rounded-lg bg-accent-soft px-3 py-2 text-xs font-medium text-accent-strong"
            >
              {state.notice}
            </p>
          ) : null}
          <PromptField
            form={promptForm}
            limit={state.limit}
            mode={state.promptMode}
            onModeChange={state.setPromptMode}
            rows={state.rows}
          />
          {feed.entries.length > 0 ? (
            // The form is dozens of stops long: a keyboard gets from the prompt to the results in one.
            <a
              href="#results"
              onClick={(event) => {
                event.preventDefault();
                resultsRef.current?.focus();
              }}
              className="sr-only focus:not-sr-only focus:justify-self-start focus:rounded-md focus:px-2 focus:py-1 focus:text-xs focus:font-medium focus:text-accent"
            >
              Skip to results
            </a>
          ) : null}
          <InputImages state={state.inputs} />
          <SharedSettingsControls
            value={state.shared}
            onChange={state.setShared}
            seed={state.seed}
            onSeedChange={state.setSeed}
            seedError={state.seedError}
          />
          <ModelPicker
            models={models}
            configs={ordered}
            inputCount={state.inputs.inputs.length}
            onToggle={(id, on) => {
              if (!configs.toggle(id, on))
                state.setFormError(`${RUN_LIMITS.configurations}: remove a variant first.`);
            }}
            context={{
              shared: state.shared,
              seedLocked: state.seed.locked,
              estimates: configs.estimates,
              labels: configs.labels,
              onReport: configs.onReport,
              formRef: configs.formRef,
              actions: {
                canAdd: configs.canAdd,
                add: configs.add,
                remove: configs.remove,
                sweep: (key) => setSweep({ key, values: configs.handles.current.get(key)?.values() ?? {} }),
              },
            }}
          />
          <div
            data-sticky-generate
            className="sticky bottom-0 -mx-1 bg-canvas/90 px-1 pt-2 pb-3 backdrop-blur"
          >
            <GenerateBar
              pending={pending}
              promptCount={state.promptCount}
              estimates={ordered.map((config) => configs.estimates[config.key])}
              error={state.formError}
              needsFix={state.needsFix.map((config) => configs.labels.get(config.key) ?? config.modelId)}
              blockedReason={state.blockedReason}
            />
          </div>
        </form>
        {/* At least a screen tall on narrow screens, so the scroll to a new run is never cut short. */}
        <div
          ref={resultsRef}
          id="results"
          tabIndex={-1}
          className={cn("min-w-0 scroll-mt-20 outline-none", feed.entries.length > 0 && "max-lg:min-h-dvh")}
        >
          {feed.entries.length > 0 ? (
            <RunFeed
              entries={feed.entries}
              onRerun={(id, source) => feed.show({ ...source, id })}
              onEdit={state.loadRun}
              onMissing={feed.remove}
            />
          ) : (
            <EmptyResults onPickExample={state.pickExample} />
          )}
        </div>
        {sweepConfig && sweepModel ? (
          <SweepDialog
            model={sweepModel}
            label={configs.labels.get(sweepConfig.key) ?? sweepModel.name}
            values={sweep?.values ?? {}}
            maxValues={MAX_CONFIGURATIONS_PER_RUN - ordered.length + 1}
            onApply={(param, values) => configs.sweep(sweepConfig.key, param, values)}
            onClose={() => setSweep(null)}
          />
        ) : null}
      </div>
    </EditImageContext>
  );
}
