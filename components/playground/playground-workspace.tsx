"use client";

import { useCallback, useEffect, useEffectEvent, useMemo, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { RunResults } from "@/components/gallery/run-results";
import { ApiError } from "@/lib/http/api-client";
import { type CreateRunModel, useCreateRun } from "@/lib/hooks/use-create-run";
import type { ModelView } from "@/lib/api/views";
import { findModel } from "@/lib/models/catalog";
import { type CostEstimate, INITIAL_SHARED_SETTINGS, type SharedSettings } from "@/lib/models/types";
import { namesInContext } from "@/components/gallery/format";
import { cn } from "@/components/ui/cn";
import { EmptyResults } from "./empty-results";
import { GenerateBar } from "./generate-bar";
import type { ModelFormHandle } from "./model-form-handle";
import { ModelPicker, type PickableModel } from "./model-picker";
import { loadDraft, type PlaygroundDraft, saveDraft } from "./playground-draft";
import { PLAYGROUND_GRID } from "./playground-skeleton";
import { PromptField, type PromptValues } from "./prompt-field";
import { promptLimit } from "./prompt-limit";
import { locateIssue } from "./run-issues";
import { SharedSettingsControls } from "./shared-settings";

// One model per family, so a first run shows how differently models read the same prompt.
const PREFERRED_MODEL_IDS = ["shortapi/flux-1.0", "shortapi/gpt-image-2", "pixazo/z-image-turbo"];

function initialSelection(models: PickableModel[], draft: PlaygroundDraft | null): string[] {
  const available = models.filter((entry) => entry.view.available).map((entry) => entry.view.id);
  const fromDraft = draft?.modelIds.filter((id) => available.includes(id)) ?? [];
  if (fromDraft.length > 0) return fromDraft;
  const preferred = PREFERRED_MODEL_IDS.filter((id) => available.includes(id));
  return preferred.length >= 2 ? preferred : available.slice(0, 3);
}

/** The published models this build's catalog defines, each with its definition for the form. */
function pickable(views: ModelView[]): PickableModel[] {
  return views.flatMap((view) => {
    const model = findModel(view.id);
    return model ? [{ view, model }] : [];
  });
}

/**
 * Everything below the skeleton, and everything that needs the zod catalog: loaded apart from the
 * page's first scripts (see load-workspace.ts).
 */
export function PlaygroundWorkspace({ views }: { views: ModelView[] }) {
  const models = useMemo(() => pickable(views), [views]);
  const [draft] = useState(loadDraft);
  const [selected, setSelected] = useState(() => initialSelection(models, draft));
  const [shared, setShared] = useState<SharedSettings>(draft?.shared ?? INITIAL_SHARED_SETTINGS);
  const [runId, setRunId] = useState<string | null>(draft?.runId ?? null);
  const [estimates, setEstimates] = useState<Record<string, CostEstimate | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const handles = useRef(new Map<string, ModelFormHandle>());
  const savedEdits = useRef(draft?.edits ?? {});
  const resultsRef = useRef<HTMLDivElement>(null);
  const promptForm = useForm<PromptValues>({
    defaultValues: { prompt: draft?.prompt ?? "" },
    mode: "onSubmit",
  });
  const prompt = useWatch({ control: promptForm.control, name: "prompt" });
  const createRun = useCreateRun();

  const orderedSelection = useMemo(
    () => models.map((entry) => entry.view.id).filter((id) => selected.includes(id)),
    [models, selected],
  );
  const labels = useMemo(() => namesInContext(orderedSelection), [orderedSelection]);
  const limit = useMemo(
    () =>
      promptLimit(
        models.map(({ view, model }) => ({
          id: view.id,
          label: labels.get(view.id) ?? view.name,
          promptMaxLength: model.promptMaxLength,
        })),
        orderedSelection,
      ),
    [models, labels, orderedSelection],
  );
  // Listed next to Generate after a failed attempt, until each is fixed (an invalid form has no estimate).
  const needsFix = checked ? orderedSelection.filter((id) => estimates[id] === undefined) : [];

  const onEstimate = useCallback((modelId: string, estimate: CostEstimate | undefined) => {
    setEstimates((current) =>
      current[modelId] === estimate ? current : { ...current, [modelId]: estimate },
    );
  }, []);
  const formRef = useCallback(
    (modelId: string) => (handle: ModelFormHandle | null) => {
      if (handle) handles.current.set(modelId, handle);
      else handles.current.delete(modelId);
    },
    [],
  );
  const formRefs = useMemo(
    () => new Map(models.map((entry) => [entry.view.id, formRef(entry.view.id)])),
    [models, formRef],
  );

  const currentEdits = () =>
    Object.fromEntries(orderedSelection.map((id) => [id, handles.current.get(id)?.edits() ?? {}]));

  useEffect(() => {
    saveDraft({ prompt, modelIds: selected, shared, edits: savedEdits.current, runId: runId ?? undefined });
  }, [prompt, selected, shared, runId]);

  const scrollPending = useRef(false);
  const showRun = (id: string) => {
    scrollPending.current = window.matchMedia("(max-width: 1023px)").matches;
    setRunId(id);
  };
  // After the new run's pane is committed (a screen tall): scrolling earlier measured the old,
  // shorter page and was cut short.
  useEffect(() => {
    if (!scrollPending.current) return;
    scrollPending.current = false;
    resultsRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [runId]);

  const generate = async () => {
    if (createRun.isPending) return;
    setFormError(null);
    promptForm.clearErrors();
    const promptValid = await promptForm.trigger("prompt", { shouldFocus: true });
    const entries = await Promise.all(
      orderedSelection.map((id) => handles.current.get(id)?.validate() ?? null),
    );
    if (orderedSelection.length === 0) return setFormError("Pick at least one model.");
    const firstInvalid = orderedSelection.find((_, index) => entries[index] === null);
    setChecked(firstInvalid !== undefined);
    if (promptValid && firstInvalid) handles.current.get(firstInvalid)?.focusFirstError();
    if (!promptValid || firstInvalid) return;
    const body = { prompt: promptForm.getValues("prompt").trim(), models: entries as CreateRunModel[] };
    savedEdits.current = currentEdits();
    createRun.mutate(body, {
      onSuccess: (created) => showRun(created.id),
      onError: (error) => {
        if (!(error instanceof ApiError) || error.issues.length === 0) return setFormError(error.message);
        const general: string[] = [];
        for (const issue of error.issues) {
          const target = locateIssue(issue);
          const modelId = target.kind === "model-field" ? body.models[target.modelIndex]?.modelId : undefined;
          const handle = modelId ? handles.current.get(modelId) : undefined;
          if (target.kind === "prompt")
            promptForm.setError("prompt", { type: "server", message: target.message }, { shouldFocus: true });
          else if (target.kind === "model-field" && handle) handle.showIssue(target.field, target.message);
          else general.push(target.message);
        }
        if (general.length > 0) setFormError(general.join(" "));
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

  return (
    <div className={PLAYGROUND_GRID}>
      <form
        aria-label="Generate images"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void generate();
        }}
        className="grid content-start gap-6 scroll-pb-28 lg:sticky lg:top-20 lg:max-h-[calc(100dvh-6rem)] lg:overflow-y-auto lg:pr-1"
      >
        <PromptField form={promptForm} limit={limit} />
        <SharedSettingsControls value={shared} onChange={setShared} />
        <ModelPicker
          models={models}
          selected={orderedSelection}
          onToggle={(id, on) =>
            setSelected((current) => (on ? [...current, id] : current.filter((other) => other !== id)))
          }
          shared={shared}
          estimates={estimates}
          edits={draft?.edits ?? {}}
          onEstimate={onEstimate}
          formRef={(id) => formRefs.get(id) ?? null}
        />
        <div data-sticky-generate className="sticky bottom-0 -mx-1 bg-canvas/90 px-1 pt-2 pb-3 backdrop-blur">
          <GenerateBar
            pending={createRun.isPending}
            modelCount={orderedSelection.length}
            estimates={orderedSelection.map((id) => estimates[id])}
            error={formError}
            needsFix={needsFix.map((id) => labels.get(id) ?? id)}
          />
        </div>
      </form>
      {/* At least a screen tall on narrow screens, so the scroll to a new run is never cut short. */}
      <div ref={resultsRef} className={cn("min-w-0 scroll-mt-20", runId && "max-lg:min-h-dvh")}>
        {runId ? (
          <RunResults runId={runId} onRerun={showRun} onMissing={() => setRunId(null)} showPermalink />
        ) : (
          <EmptyResults
            onPickExample={(example) => {
              promptForm.setValue("prompt", example, { shouldDirty: true });
              promptForm.clearErrors("prompt");
              promptForm.setFocus("prompt");
            }}
          />
        )}
      </div>
    </div>
  );
}
