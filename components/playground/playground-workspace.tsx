"use client";

import dynamic from "next/dynamic";
import { useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { ApiError } from "@/lib/http/api-client";
import { type CreateRunModel, useCreateRun } from "@/lib/hooks/use-create-run";
import { useRunFromUrl } from "@/lib/hooks/use-run-from-url";
import { MAX_MODELS_PER_RUN } from "@/lib/api/run-requests";
import type { ModelView, RunView } from "@/lib/api/views";
import { findModel } from "@/lib/models/catalog";
import { parseSeed } from "@/lib/models/seeds";
import { INITIAL_SHARED_SETTINGS, type SharedSettings } from "@/lib/models/types";
import { cn } from "@/components/ui/cn";
import { EmptyResults } from "./empty-results";
import { GenerateBar } from "./generate-bar";
import { ModelPicker } from "./model-picker";
import { loadDraft, saveDraft } from "./playground-draft";
import { PLAYGROUND_GRID } from "./playground-skeleton";
import { PromptField, type PromptValues } from "./prompt-field";
import { generateBlockedReason, promptRows, rowCount } from "./prompt-rows";
import { modelsOf, type PromptMode, RANDOM_SEED, type SeedSetting } from "./run-configs";
import { RunFeed } from "./run-feed";
import { dispatchIssues } from "./run-issues";
import { formFromRun, loadedNotice } from "./run-to-form";
import { SharedSettingsControls } from "./shared-settings";
import { useConfigs } from "./use-configs";
import { useRunFeed } from "./use-run-feed";
import { initialConfigs, pickable, selectedPromptLimit } from "./pickable-models";

// Opened by one person in ten: loaded when asked for.
const SweepDialog = dynamic(() => import("./sweep-dialog").then((module) => module.SweepDialog));

/**
 * Everything below the skeleton, and everything that needs the zod catalog: loaded apart from the
 * page's first scripts (see load-workspace.ts).
 */
export function PlaygroundWorkspace({ views }: { views: ModelView[] }) {
  const models = useMemo(() => pickable(views), [views]);
  const [draft] = useState(loadDraft);
  const [shared, setShared] = useState<SharedSettings>(draft?.shared ?? INITIAL_SHARED_SETTINGS);
  const configs = useConfigs(models, () => initialConfigs(models, draft), shared);
  const [promptMode, setPromptMode] = useState<PromptMode>(draft?.promptMode ?? "single");
  const [seed, setSeed] = useState<SeedSetting>(draft?.seed ?? RANDOM_SEED);
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const [sweep, setSweep] = useState<{ key: string; values: Record<string, unknown> } | null>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const feed = useRunFeed(draft?.feed ?? [], resultsRef);
  const formRef = useRef<HTMLFormElement>(null);
  const promptForm = useForm<PromptValues>({
    defaultValues: { prompt: draft?.prompt ?? "" },
    mode: "onSubmit",
  });
  const prompt = useWatch({ control: promptForm.control, name: "prompt" });
  const createRun = useCreateRun();

  const ordered = configs.configs;
  const selectedModels = useMemo(() => modelsOf(ordered), [ordered]);
  const limit = useMemo(() => selectedPromptLimit(models, selectedModels), [models, selectedModels]);
  const rows = useMemo(() => promptRows(prompt ?? "", promptMode), [prompt, promptMode]);
  const promptCount = rowCount(rows);
  const blockedReason = generateBlockedReason(rows, promptMode, prompt ?? "", ordered.length);
  const lockedSeed = seed.locked ? parseSeed(seed.value) : null;
  const seedError =
    checked && seed.locked && lockedSeed === null
      ? "Enter a whole number from 0 to 2147483647, or choose Random."
      : null;
  // Listed next to Generate after a failed attempt, until each is fixed (an invalid form has no estimate).
  const needsFix = checked ? ordered.filter((config) => configs.estimates[config.key] === undefined) : [];

  useEffect(() => {
    saveDraft({ prompt, promptMode, configs: configs.snapshot(), shared, seed, feed: feed.entries });
    // configs.estimates changes with every edit of a configuration's form, so edits are saved too.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prompt, promptMode, ordered, configs.estimates, shared, seed, feed.entries]);

  const loadRun = (run: RunView) => {
    const form = formFromRun(run, shared, (id) =>
      models.some((entry) => entry.view.id === id && entry.view.available),
    );
    setPromptMode(form.promptMode);
    setShared(form.shared);
    promptForm.reset({ prompt: form.prompt });
    configs.load(form.configs);
    setSeed(form.seed);
    setFormError(null);
    setChecked(false);
    setNotice(loadedNotice(run.prompts.length, form));
    feed.include({
      id: run.id,
      prompt: run.prompt,
      promptCount: run.prompts.length,
      configCount: run.configs.length,
    });
    formRef.current?.scrollIntoView({ block: "start" });
    promptForm.setFocus("prompt");
  };
  useRunFromUrl(loadRun, setFormError);

  const generate = async () => {
    if (createRun.isPending || blockedReason) return;
    setFormError(null);
    setNotice(null);
    promptForm.clearErrors();
    const promptValid = await promptForm.trigger("prompt", { shouldFocus: true });
    const entries = await Promise.all(
      ordered.map((config) => configs.handles.current.get(config.key)?.validate() ?? null),
    );
    if (ordered.length === 0) return setFormError("Pick at least one model.");
    const firstInvalid = ordered.find((_, index) => entries[index] === null);
    setChecked(firstInvalid !== undefined || (seed.locked && lockedSeed === null));
    if (promptValid && firstInvalid) configs.handles.current.get(firstInvalid.key)?.focusFirstError();
    if (!promptValid || firstInvalid || !rows.ok || (seed.locked && lockedSeed === null)) return;
    const models = entries as CreateRunModel[];
    const text = promptMode === "single" ? { prompt: rows.prompts[0]! } : { prompts: rows.prompts };
    const body = { ...text, models, seed: lockedSeed };
    createRun.mutate(body, {
      onSuccess: (created) =>
        feed.show({
          id: created.id,
          prompt: rows.prompts[0]!,
          promptCount: rows.prompts.length,
          configCount: models.length,
        }),
      onError: (error) => {
        if (!(error instanceof ApiError) || error.issues.length === 0) return setFormError(error.message);
        dispatchIssues(error.issues, {
          prompt: (message) =>
            promptForm.setError("prompt", { type: "server", message }, { shouldFocus: true }),
          field(index, field, message) {
            const handle = configs.handles.current.get(ordered[index]?.key ?? "");
            handle?.showIssue(field, message);
            return handle !== undefined;
          },
          general: setFormError,
        });
      },
    });
  };

  const onShortcut = useEffectEvent((event: KeyboardEvent) => {
    if (event.key !== "Enter" || !(event.metaKey || event.ctrlKey) || createRun.isPending) return;
    event.preventDefault();
    void generate();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onShortcut(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);

  const sweepConfig = ordered.find((config) => config.key === sweep?.key);
  const sweepModel = sweepConfig ? findModel(sweepConfig.modelId) : undefined;

  return (
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
        {notice ? (
          <p
            role="status"
            className="rounded-lg bg-accent-soft px-3 py-2 text-xs font-medium text-accent-strong"
          >
            {notice}
          </p>
        ) : null}
        <PromptField
          form={promptForm}
          limit={limit}
          mode={promptMode}
          onModeChange={setPromptMode}
          rows={rows}
        />
        <SharedSettingsControls
          value={shared}
          onChange={setShared}
          seed={seed}
          onSeedChange={setSeed}
          seedError={seedError}
        />
        <ModelPicker
          models={models}
          configs={ordered}
          onToggle={(id, on) => {
            if (!configs.toggle(id, on))
              setFormError("A run takes at most 8 configurations: remove a variant first.");
          }}
          context={{
            shared,
            seedLocked: seed.locked,
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
        <div data-sticky-generate className="sticky bottom-0 -mx-1 bg-canvas/90 px-1 pt-2 pb-3 backdrop-blur">
          <GenerateBar
            pending={createRun.isPending}
            promptCount={promptCount}
            modelCount={selectedModels.length}
            estimates={ordered.map((config) => configs.estimates[config.key])}
            error={formError}
            needsFix={needsFix.map((config) => configs.labels.get(config.key) ?? config.modelId)}
            blockedReason={blockedReason}
          />
        </div>
      </form>
      {/* At least a screen tall on narrow screens, so the scroll to a new run is never cut short. */}
      <div
        ref={resultsRef}
        className={cn("min-w-0 scroll-mt-20", feed.entries.length > 0 && "max-lg:min-h-dvh")}
      >
        {feed.entries.length > 0 ? (
          <RunFeed
            entries={feed.entries}
            onRerun={(id, source) => feed.show({ ...source, id })}
            onEdit={loadRun}
            onMissing={feed.remove}
          />
        ) : (
          <EmptyResults
            onPickExample={(example) => {
              setPromptMode("single");
              promptForm.setValue("prompt", example, { shouldDirty: true });
              promptForm.clearErrors("prompt");
              promptForm.setFocus("prompt");
            }}
          />
        )}
      </div>
      {sweepConfig && sweepModel ? (
        <SweepDialog
          model={sweepModel}
          label={configs.labels.get(sweepConfig.key) ?? sweepModel.name}
          values={sweep?.values ?? {}}
          maxValues={MAX_MODELS_PER_RUN - ordered.length + 1}
          onApply={(param, values) => configs.sweep(sweepConfig.key, param, values)}
          onClose={() => setSweep(null)}
        />
      ) : null}
    </div>
  );
}
