"use client";

import { useEffect, useEffectEvent } from "react";
import { ApiError } from "@/lib/http/api-client";
import { type CreateRunModel, useCreateRun } from "@/lib/hooks/use-create-run";
import { dispatchIssues } from "./run-issues";
import type { PlaygroundState } from "./use-playground-state";

/**
 * Generate (the button, Enter in the form, ⌘/Ctrl+Enter anywhere): checks the prompt and every
 * configuration's form, focuses the first thing to fix, creates the run and puts it on top of the
 * feed; a refusal from the server lands on the field it names.
 */
export function useGenerate(state: PlaygroundState) {
  const createRun = useCreateRun();
  const { configs, ordered, promptForm, rows, seedInvalid, setFormError } = state;

  const generate = async () => {
    if (createRun.isPending || state.blockedReason) return;
    if (state.inputs.pending.length > 0)
      return setFormError("Wait for the input images to finish uploading.");
    setFormError(null);
    state.setNotice(null);
    promptForm.clearErrors();
    const promptValid = await promptForm.trigger("prompt", { shouldFocus: true });
    const entries = await Promise.all(
      ordered.map((config) => configs.handles.current.get(config.key)?.validate() ?? null),
    );
    if (ordered.length === 0) return setFormError("Pick at least one model.");
    const firstInvalid = ordered.find((_, index) => entries[index] === null);
    state.setChecked(firstInvalid !== undefined || seedInvalid);
    if (promptValid && firstInvalid) configs.handles.current.get(firstInvalid.key)?.focusFirstError();
    if (!promptValid || firstInvalid || !rows.ok || seedInvalid) return;
    const models = entries as CreateRunModel[];
    // Variants: the text as written too, so Edit & re-run brings back the template, not its lines.
    const text =
      state.promptMode === "single"
        ? { prompt: rows.prompts[0]! }
        : { prompts: rows.prompts, promptText: promptForm.getValues("prompt") };
    const inputIds = state.inputs.inputs.map((input) => input.id);
    const body = {
      ...text,
      models,
      seed: state.lockedSeed,
      ...(inputIds.length > 0 ? { inputs: inputIds } : {}),
      ...(state.editedFrom ? { editedFrom: state.editedFrom } : {}),
    };
    createRun.mutate(body, {
      onSuccess: (created) => {
        // Further edits are edits of the run just made.
        if (state.editedFrom) state.setEditedFrom(created.id);
        state.feed.show({
          id: created.id,
          prompt: rows.prompts[0]!,
          promptCount: rows.prompts.length,
          configCount: models.length,
        });
      },
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

  return { generate, pending: createRun.isPending };
}
