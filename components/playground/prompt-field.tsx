"use client";

import { useEffect } from "react";
import { type UseFormReturn, useWatch } from "react-hook-form";
import { cn } from "@/components/ui/cn";
import { Textarea } from "@/components/ui/input";
import type { PromptExpansion } from "@/lib/models/prompt-variants";
import type { PromptLimit } from "./prompt-limit";
import { promptRows, promptRowsError } from "./prompt-rows";
import type { PromptMode } from "./run-configs";
import { ChipRadio } from "./shared-settings";
import { VariantsPreview } from "./variants-preview";

export interface PromptValues {
  prompt: string;
}

interface PromptFieldProps {
  form: UseFormReturn<PromptValues>;
  limit: PromptLimit;
  mode: PromptMode;
  onModeChange: (mode: PromptMode) => void;
  /** The rows the text stands for, as the workspace computed them. */
  rows: PromptExpansion;
}

// Hints, not prompts: they say what to write before showing an example of it.
const PLACEHOLDERS: Record<PromptMode, string> = {
  single: "Describe the image you want — e.g. a glass prism on a plinth, morning light, studio photo",
  variants:
    "One prompt per line; {a|b} makes one prompt per alternative — e.g.\na {red|blue} fox in {watercolor|pixel art}",
};

export function PromptField({ form, limit, mode, onModeChange, rows }: PromptFieldProps) {
  const prompt = useWatch({ control: form.control, name: "prompt" }) ?? "";
  const error = form.formState.errors.prompt?.message;
  const { maxLength } = limit;
  const over = prompt.length > maxLength;
  const variants = mode === "variants";
  // The preview already says what is wrong with the variants (it shows only a hint while the
  // field is empty); the field repeats nothing it shows.
  const fieldError = variants && prompt.trim() && !rows.ok && error === rows.error ? undefined : error;

  // A shown error was about the old limit or mode: check again (this clears it when it fits).
  useEffect(() => {
    if (form.getFieldState("prompt").error) void form.trigger("prompt");
  }, [form, limit, mode]);

  return (
    <div className="grid gap-1.5">
      <div className="flex items-center justify-between gap-3">
        <label htmlFor="prompt" className="text-xs font-semibold text-fg">
          Prompt
        </label>
        <div role="radiogroup" aria-label="Prompt mode" className="grid grid-cols-2 gap-1">
          {(["single", "variants"] as const).map((option) => (
            <ChipRadio
              key={option}
              name="prompt-mode"
              checked={mode === option}
              onSelect={() => onModeChange(option)}
              className="h-7 px-2.5"
            >
              {option === "single" ? "Single" : "Variants"}
            </ChipRadio>
          ))}
        </div>
      </div>
      <Textarea
        id="prompt"
        rows={5}
        placeholder={PLACEHOLDERS[mode]}
        aria-invalid={error ? true : undefined}
        aria-describedby={cn(fieldError && "prompt-error", variants ? "prompt-rows" : "prompt-count")}
        className="min-h-32 resize-y placeholder:italic"
        spellCheck={!variants}
        {...form.register("prompt", {
          validate: (value) => promptRowsError(promptRows(value, mode), limit),
          // Generate shows what is wrong; each edit after that checks again, so a fixed prompt
          // stops being red at once (errors never appear while typing before a Generate).
          onChange: () => {
            if (form.getFieldState("prompt").error) void form.trigger("prompt");
          },
        })}
      />
      {fieldError ? (
        <p id="prompt-error" className="text-xs font-medium text-danger">
          {fieldError}
        </p>
      ) : null}
      {variants ? (
        <VariantsPreview rows={rows} empty={!prompt.trim()} />
      ) : (
        <span
          id="prompt-count"
          className={cn(
            "justify-self-end text-[11px] tabular-nums",
            over ? "font-medium text-danger" : "text-fg-subtle",
          )}
          aria-label={`${prompt.length} of ${maxLength} characters`}
        >
          {prompt.length.toLocaleString("en-US")} / {maxLength.toLocaleString("en-US")}
        </span>
      )}
    </div>
  );
}
