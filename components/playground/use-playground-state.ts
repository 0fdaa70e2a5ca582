"use client";

import { type RefObject, useEffect, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { RunView } from "@/lib/api/views";
import { useInputs } from "@/lib/hooks/use-inputs";
import { useRunFromUrl } from "@/lib/hooks/use-run-from-url";
import { MAX_CONFIGURATIONS_PER_RUN } from "@/lib/models/run-limits";
import { parseSeed } from "@/lib/models/seeds";
import { INITIAL_SHARED_SETTINGS, type SharedSettings } from "@/lib/models/types";
import { unavailableReason } from "./model-blocked";
import { type PickableModel } from "./model-picker";
import { initialConfigs, selectedPromptLimit, selectionForInputs } from "./pickable-models";
import { loadDraft, saveDraft } from "./playground-draft";
import type { PromptValues } from "./prompt-field";
import { generateBlockedReason, promptRows, rowCount } from "./prompt-rows";
import { modelsOf, type PromptMode, RANDOM_SEED, type SeedSetting } from "./run-configs";
import { formFromRun, loadedNotice } from "./run-to-form";
import { useConfigs } from "./use-configs";
import { useImageFromUrl } from "./use-image-from-url";
import { useRunFeed } from "./use-run-feed";

/**
 * The playground's form and feed: prompt, shared settings, seed, configurations and the session's
 * runs, started from the saved draft and saved again on every edit; what they add up to (rows,
 * limits, why Generate is blocked); and loading a run into the form (Edit & re-run, `/?from=`).
 */
export function usePlaygroundState(
  models: PickableModel[],
  {
    formRef,
    resultsRef,
  }: { formRef: RefObject<HTMLFormElement | null>; resultsRef: RefObject<HTMLElement | null> },
) {
  const [draft] = useState(loadDraft);
  const [shared, setShared] = useState<SharedSettings>(draft?.shared ?? INITIAL_SHARED_SETTINGS);
  const configs = useConfigs(models, () => initialConfigs(models, draft), shared);
  const [promptMode, setPromptMode] = useState<PromptMode>(draft?.promptMode ?? "single");
  const [seed, setSeed] = useState<SeedSetting>(draft?.seed ?? RANDOM_SEED);
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The run the form was loaded from (Edit & re-run), so the next run can say what changed. */
  const [editedFrom, setEditedFrom] = useState<string | null>(draft?.editedFrom ?? null);
  /** After a Generate that found something to fix: the fields say what, until it is fixed. */
  const [checked, setChecked] = useState(false);
  const feed = useRunFeed(draft?.feed ?? [], resultsRef);
  const inputs = useInputs(draft?.inputs ?? []);
  const inputCount = inputs.inputs.length;
  /** The input count the selection was last fitted to (a loaded run brings its own selection). */
  const fittedCount = useRef(inputCount);
  const promptForm = useForm<PromptValues>({
    defaultValues: { prompt: draft?.prompt ?? "" },
    mode: "onSubmit",
  });
  const prompt = useWatch({ control: promptForm.control, name: "prompt" }) ?? "";

  const ordered = configs.configs;
  const selectedModels = useMemo(() => modelsOf(ordered), [ordered]);
  const limit = useMemo(() => selectedPromptLimit(models, selectedModels), [models, selectedModels]);
  const rows = useMemo(() => promptRows(prompt, promptMode), [prompt, promptMode]);
  const lockedSeed = seed.locked ? parseSeed(seed.value) : null;
  const seedInvalid = seed.locked && lockedSeed === null;

  useEffect(() => {
    saveDraft({
      prompt,
      promptMode,
      configs: configs.snapshot(),
      shared,
      seed,
      feed: feed.entries,
      inputs: inputs.inputs,
      editedFrom,
    });
    // configs.estimates changes with every edit of a configuration's form, so edits are saved too.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [prompt, promptMode, ordered, configs.estimates, shared, seed, feed.entries, inputs.inputs, editedFrom]);

  useEffect(() => {
    const previous = fittedCount.current;
    fittedCount.current = inputCount;
    if (previous === inputCount) return;
    const change = selectionForInputs(
      models,
      selectedModels,
      previous,
      inputCount,
      MAX_CONFIGURATIONS_PER_RUN - ordered.length,
    );
    for (const id of change.remove) configs.toggle(id, false);
    for (const id of change.add) configs.toggle(id, true);
    // Only a change of the input count moves the selection; the rest is read as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inputCount]);

  const loadRun = (run: RunView) => {
    const form = formFromRun(run, shared, (id) => {
      const entry = models.find(({ view }) => view.id === id);
      return entry ? unavailableReason(entry.view) : "not in this Prism's catalog";
    });
    setPromptMode(form.promptMode);
    setShared(form.shared);
    promptForm.reset({ prompt: form.prompt });
    configs.load(form.configs);
    setSeed(form.seed);
    setFormError(null);
    setChecked(false);
    setNotice(loadedNotice(run.prompts.length, form));
    setEditedFrom(run.id);
    fittedCount.current = run.inputs.length;
    inputs.set(run.inputs);
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
  useImageFromUrl(inputs.editImage);

  return {
    configs,
    ordered,
    inputs,
    feed,
    promptForm,
    shared,
    setShared,
    seed,
    setSeed,
    promptMode,
    setPromptMode,
    formError,
    setFormError,
    notice,
    setNotice,
    editedFrom,
    setEditedFrom,
    setChecked,
    rows,
    promptCount: rowCount(rows),
    selectedModels,
    limit,
    lockedSeed,
    seedInvalid,
    blockedReason: generateBlockedReason(rows, promptMode, prompt, ordered.length),
    seedError: checked && seedInvalid ? "Enter a whole number from 0 to 2147483647, or choose Random." : null,
    /** Listed next to Generate after a failed attempt, until each is fixed (an invalid form has no estimate). */
    needsFix: checked ? ordered.filter((config) => configs.estimates[config.key] === undefined) : [],
    loadRun,
    pickExample(example: string) {
      setPromptMode("single");
      promptForm.setValue("prompt", example, { shouldDirty: true });
      promptForm.clearErrors("prompt");
      promptForm.setFocus("prompt");
    },
  };
}

export type PlaygroundState = ReturnType<typeof usePlaygroundState>;
