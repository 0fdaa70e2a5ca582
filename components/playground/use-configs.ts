"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { configurationLabels } from "@/lib/labels/params";
import { paramFields } from "@/lib/models/param-fields";
import { MAX_CONFIGURATIONS_PER_RUN } from "@/lib/models/run-limits";
import { startingParams } from "@/lib/models/starting-params";
import type { SharedSettings } from "@/lib/models/types";
import type { ConfigReport } from "./model-config";
import type { ModelFormHandle } from "./model-form-handle";
import type { PickableModel } from "./model-picker";
import { type ConfigDraft, configDraft, inPickerOrder, replaceConfig } from "./run-configs";

const sameReport = (a: ConfigReport | undefined, b: ConfigReport) =>
  a?.estimate === b.estimate && JSON.stringify(a?.params) === JSON.stringify(b.params);

/**
 * The configurations (columns) of the next run, each with its own parameter form: selection, Add
 * variant, Remove, Sweep, and what each form reports (estimate, params, hence the column labels).
 */
export function useConfigs(models: PickableModel[], initial: () => ConfigDraft[], shared: SharedSettings) {
  const [configs, setConfigs] = useState(initial);
  const [reports, setReports] = useState<Record<string, ConfigReport>>({});
  const handles = useRef(new Map<string, ModelFormHandle>());
  const byId = useMemo(() => new Map(models.map((entry) => [entry.view.id, entry])), [models]);
  const ordered = useMemo(() => inPickerOrder(configs, [...byId.keys()]), [configs, byId]);
  const canAdd = configs.length < MAX_CONFIGURATIONS_PER_RUN;

  const onReport = useCallback((key: string, report: ConfigReport) => {
    setReports((current) => (sameReport(current[key], report) ? current : { ...current, [key]: report }));
  }, []);
  const keys = configs.map((config) => config.key).join(" ");
  const formRefs = useMemo(
    () =>
      new Map(
        keys.split(" ").map((key) => [
          key,
          (handle: ModelFormHandle | null) => {
            if (handle) handles.current.set(key, handle);
            else handles.current.delete(key);
          },
        ]),
      ),
    [keys],
  );
  const formRef = (key: string) => formRefs.get(key) ?? null;

  const labels = useMemo(() => {
    const entries = ordered.flatMap((config) => {
      const model = byId.get(config.modelId)?.model;
      return model ? [{ config, model }] : [];
    });
    const names = configurationLabels(
      entries.map(({ config, model }) => ({
        model,
        fields: paramFields(model),
        params: reports[config.key]?.params ?? startingParams(model, shared),
      })),
    );
    return new Map(entries.map(({ config }, index) => [config.key, names[index]!]));
  }, [ordered, byId, reports, shared]);
  const estimates = useMemo(
    () => Object.fromEntries(configs.map((config) => [config.key, reports[config.key]?.estimate])),
    [configs, reports],
  );

  const editsOf = (config: ConfigDraft) => handles.current.get(config.key)?.edits() ?? config.edits;
  const find = (key: string) => configs.find((config) => config.key === key);

  return {
    configs: ordered,
    handles,
    labels,
    estimates,
    onReport,
    formRef,
    canAdd,
    /** Replaces every configuration (Edit & re-run); the new forms start from their edits. */
    load: (next: ConfigDraft[]) => {
      setConfigs(next);
      setReports({});
    },
    /** Returns false when the run is full. */
    toggle(modelId: string, on: boolean): boolean {
      if (!on) setConfigs((current) => current.filter((config) => config.modelId !== modelId));
      else if (canAdd) setConfigs((current) => [...current, configDraft(modelId)]);
      return !on || canAdd;
    },
    add(key: string) {
      const source = find(key);
      if (!source || !canAdd) return;
      setConfigs(replaceConfig(configs, key, [source, configDraft(source.modelId, editsOf(source))]));
    },
    remove: (key: string) => setConfigs((current) => current.filter((config) => config.key !== key)),
    /** One configuration per value of `param`, in place of the one swept; the rest of its edits kept. */
    sweep(key: string, param: string, values: unknown[]) {
      const source = find(key);
      if (!source) return;
      const edits = editsOf(source);
      const swept = values.map((value) => configDraft(source.modelId, { ...edits, [param]: value }));
      setConfigs(replaceConfig(configs, key, swept));
    },
    /** Each configuration with the values set on its form now, for the draft. */
    snapshot: () => ordered.map((config) => ({ modelId: config.modelId, edits: editsOf(config) })),
  };
}
