"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { type Ref, useEffect, useId, useImperativeHandle, useMemo, useState } from "react";
import { type FieldValues, type Resolver, useForm, useWatch } from "react-hook-form";
import { describeSchema } from "@/lib/models/describe-schema";
import { fieldErrorMap } from "@/components/schema-form/field-error-map";
import { SchemaForm } from "@/components/schema-form/schema-form";
import { cn } from "@/components/ui/cn";
import { ChevronDownIcon, SlidersIcon } from "@/components/ui/icons";
import type { CostEstimate, ModelDefinition, SharedSettings } from "@/lib/models/types";
import { SEED_NOT_SUPPORTED_NOTE } from "@/lib/models/seeds";
import { startingParams } from "@/lib/models/starting-params";
import type { ModelFormHandle } from "./model-form-handle";

/** What a configuration's form says about itself: its estimate, and its params while they are valid. */
export interface ConfigReport {
  estimate: CostEstimate | undefined;
  params: Record<string, unknown> | undefined;
}

interface ModelConfigProps {
  configKey: string;
  model: ModelDefinition;
  /** The configuration as a screen reader hears it: the model, and which variant when there are several. */
  label: string;
  shared: SharedSettings;
  initialEdits?: Record<string, unknown>;
  /**
   * The run's seed is locked and this model takes none: said beside the mapping notes, but not sent
   * with them, as each cell shows the seed it was sent anyway.
   */
  seedUnsupported: boolean;
  idPrefix: string;
  onReport: (configKey: string, report: ConfigReport) => void;
  ref: Ref<ModelFormHandle>;
}

export function ModelConfig({
  configKey,
  model,
  label,
  shared,
  initialEdits,
  seedUnsupported,
  idPrefix,
  onReport,
  ref,
}: ModelConfigProps) {
  const fields = useMemo(() => describeSchema(model.params), [model]);
  const mapping = useMemo(() => model.mapSharedSettings(shared), [model, shared]);
  const baseValues = useMemo(() => startingParams(model, shared), [model, shared]);
  const [expanded, setExpanded] = useState(false);
  const panelId = useId();
  const form = useForm<FieldValues>({
    resolver: zodResolver(model.params, { error: fieldErrorMap }) as unknown as Resolver<FieldValues>,
    defaultValues: baseValues,
    mode: "onChange",
  });

  useEffect(() => {
    form.reset(baseValues, { keepDirtyValues: true });
  }, [form, baseValues]);

  useEffect(() => {
    for (const [name, value] of Object.entries(initialEdits ?? {})) {
      if (name in model.params.shape) form.setValue(name, value, { shouldDirty: true });
    }
  }, [form, initialEdits, model]);

  const values = useWatch({ control: form.control });
  const parsed = model.params.safeParse(values);
  const estimate = parsed.success ? model.estimateCost(parsed.data) : undefined;
  // Compared as text: a fresh parse is a new object on every render.
  const paramsText = parsed.success ? JSON.stringify(parsed.data) : undefined;
  useEffect(
    () => onReport(configKey, { estimate, params: paramsText ? JSON.parse(paramsText) : undefined }),
    [configKey, estimate, paramsText, onReport],
  );

  const dirtyFields = form.formState.dirtyFields as Record<string, unknown>;
  const overridden = Object.keys(mapping.params).some((name) => dirtyFields[name]);
  const notes = useMemo(() => (overridden ? [] : mapping.notes), [overridden, mapping]);
  const shownNotes = seedUnsupported ? [...notes, SEED_NOT_SUPPORTED_NOTE] : notes;
  const errorCount = Object.keys(form.formState.errors).length;
  const editCount = Object.keys(dirtyFields).length;

  const focusField = (name: string) => window.requestAnimationFrame(() => form.setFocus(name));

  useImperativeHandle(
    ref,
    () => ({
      async validate() {
        if (!(await form.trigger())) {
          setExpanded(true);
          return null;
        }
        return { modelId: model.id, params: model.params.parse(form.getValues()), notes };
      },
      focusFirstError() {
        const first = fields.find((field) => form.getFieldState(field.name).invalid);
        if (first) focusField(first.name);
      },
      showIssue(field, message) {
        setExpanded(true);
        form.setError(field, { type: "server", message });
        focusField(field);
      },
      edits() {
        const current = form.getValues();
        const dirty = form.formState.dirtyFields as Record<string, unknown>;
        return Object.fromEntries(Object.keys(dirty).map((name) => [name, current[name]]));
      },
      values: () => form.getValues(),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [form, model, notes, fields, dirtyFields],
  );

  return (
    <div className="grid gap-2">
      {shownNotes.length > 0 ? (
        <ul className="grid gap-1">
          {shownNotes.map((note) => (
            <li key={note} className="text-[11px] leading-snug text-warning">
              {note}
            </li>
          ))}
        </ul>
      ) : null}
      <button
        type="button"
        aria-expanded={expanded}
        aria-controls={panelId}
        onClick={() => setExpanded((open) => !open)}
        className="flex min-h-6 items-center gap-1.5 justify-self-start rounded-md text-xs font-medium text-fg-muted hover:text-fg"
      >
        <SlidersIcon className="size-3.5" />
        Parameters
        <span className="sr-only">
          {" "}
          for {label}
          {errorCount > 0 || editCount > 0 ? "," : ""}
        </span>
        {errorCount > 0 ? (
          <span className="rounded-full bg-danger-soft px-1.5 text-[10px] text-danger">
            {errorCount} to fix
          </span>
        ) : editCount > 0 ? (
          <span className="rounded-full bg-accent-soft px-1.5 text-[10px] text-accent-strong">
            {editCount} edited
          </span>
        ) : null}
        <ChevronDownIcon className={cn("size-3.5 transition-transform", expanded && "rotate-180")} />
      </button>
      <div id={panelId} hidden={!expanded} className="rounded-lg border border-line bg-canvas p-3">
        <SchemaForm form={form} fields={fields} idPrefix={idPrefix} />
        {editCount > 0 ? (
          <button
            type="button"
            onClick={() => form.reset(baseValues)}
            className="mt-3 min-h-6 text-xs font-medium text-accent hover:text-accent-strong"
          >
            Reset to shared settings
          </button>
        ) : null}
      </div>
    </div>
  );
}
