"use client";

import { useId, useMemo, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { describeSchema, type SchemaField } from "@/lib/models/describe-schema";
import { paramValueLabel } from "@/lib/labels/params";
import { MAX_CONFIGURATIONS_PER_RUN } from "@/lib/models/run-limits";
import type { ModelDefinition } from "@/lib/models/types";
import { parseNumberList, sweepable, sweepProblems } from "./sweep-values";
import { DialogFooter } from "@/components/ui/dialog-footer";

interface SweepDialogProps {
  model: ModelDefinition;
  /** The configuration's column label. */
  label: string;
  /** The configuration's current form values. */
  values: Record<string, unknown>;
  /** How many configurations the sweep may make without passing the run's limit. */
  maxValues: number;
  onApply: (param: string, values: unknown[]) => void;
  onClose: () => void;
}

/** The values a field of a fixed set can take, as the options of the sweep. */
function optionsOf(field: SchemaField): { value: unknown; label: string }[] {
  if (field.kind === "enum") return field.options;
  if (field.kind === "boolean")
    return [true, false].map((value) => ({ value, label: paramValueLabel(field, value) }));
  return [];
}

/** One configuration per value of one parameter: "steps 8, 16, 28" makes three variants. */
export function SweepDialog({ model, label, values, maxValues, onApply, onClose }: SweepDialogProps) {
  const fields = useMemo(() => describeSchema(model.params).filter(sweepable), [model]);
  const [name, setName] = useState(
    () => fields.find((field) => field.kind === "number")?.name ?? fields[0]?.name,
  );
  const [text, setText] = useState("");
  const [picked, setPicked] = useState<unknown[]>([]);
  const id = useId();
  const field = fields.find((candidate) => candidate.name === name);
  if (!field)
    return (
      <Dialog open onClose={onClose} label={`Sweep ${label}`} className="w-[min(26rem,calc(100vw-2rem))]">
        <p className="p-5 text-sm">{model.name} has no parameter to sweep.</p>
      </Dialog>
    );

  const numeric = field.kind === "number";
  const parsed = numeric ? parseNumberList(text) : { values: picked, invalid: [] };
  const problems = [
    ...parsed.invalid.map((token) => `${token}: not a number`),
    ...sweepProblems(model, field, values, parsed.values),
    ...(parsed.values.length > maxValues
      ? [
          `${parsed.values.length} values would pass the run's limit of ${MAX_CONFIGURATIONS_PER_RUN} configurations: at most ${maxValues} here.`,
        ]
      : []),
  ];
  const ready = parsed.values.length > 0 && problems.length === 0;
  const apply = () => {
    if (!ready) return;
    onApply(field.name, parsed.values);
    onClose();
  };

  return (
    <Dialog open onClose={onClose} label={`Sweep ${label}`} className="w-[min(28rem,calc(100vw-2rem))]">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
        className="grid gap-4 p-5"
      >
        <div className="grid gap-1">
          <h2 className="text-base font-semibold">Sweep a parameter</h2>
          <p className="text-xs text-fg-muted">
            {label}: one variant per value, each with this configuration&apos;s other settings.
          </p>
        </div>
        <label className="grid gap-1.5 text-xs font-semibold" htmlFor={`${id}-param`}>
          Parameter
          <Select
            id={`${id}-param`}
            value={field.name}
            onChange={(event) => {
              setName(event.target.value);
              setPicked([]);
            }}
          >
            {fields.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {candidate.title}
              </option>
            ))}
          </Select>
        </label>
        {numeric ? (
          <label className="grid gap-1.5 text-xs font-semibold" htmlFor={`${id}-values`}>
            Values
            <Input
              id={`${id}-values`}
              autoFocus
              autoComplete="off"
              placeholder={
                field.min !== undefined && field.max !== undefined
                  ? `e.g. ${field.min}, ${field.max}`
                  : "e.g. 8, 16, 28"
              }
              value={text}
              onChange={(event) => setText(event.target.value)}
              aria-describedby={`${id}-hint`}
            />
            <span id={`${id}-hint`} className="font-normal text-fg-subtle">
              Separated by commas or spaces
              {field.min !== undefined && field.max !== undefined
                ? `; from ${field.min} to ${field.max}`
                : ""}
              .
            </span>
          </label>
        ) : (
          <fieldset className="grid gap-1.5">
            <legend className="mb-1.5 text-xs font-semibold">Values</legend>
            {optionsOf(field).map((option) => (
              <label key={String(option.value)} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-4 accent-accent"
                  checked={picked.includes(option.value)}
                  onChange={(event) =>
                    setPicked((current) =>
                      event.target.checked
                        ? [...current, option.value]
                        : current.filter((value) => value !== option.value),
                    )
                  }
                />
                {option.label}
              </label>
            ))}
          </fieldset>
        )}
        {problems.length > 0 ? (
          <ul
            role="alert"
            className="grid gap-0.5 rounded-lg bg-danger-soft px-3 py-2 text-xs font-medium text-danger"
          >
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
        <DialogFooter
          onCancel={onClose}
          actionLabel={parsed.values.length > 1 ? `Make ${parsed.values.length} variants` : "Make variants"}
          blocked={!ready}
        />
      </form>
    </Dialog>
  );
}
