"use client";

import { useEffect } from "react";
import { type UseFormReturn, useWatch } from "react-hook-form";
import { cn } from "@/components/ui/cn";
import { Textarea } from "@/components/ui/input";
import { type PromptLimit, tooLongMessage } from "./prompt-limit";

export interface PromptValues {
  prompt: string;
}

interface PromptFieldProps {
  form: UseFormReturn<PromptValues>;
  limit: PromptLimit;
}

export function PromptField({ form, limit }: PromptFieldProps) {
  const prompt = useWatch({ control: form.control, name: "prompt" }) ?? "";
  const error = form.formState.errors.prompt?.message;
  const { maxLength } = limit;
  const over = prompt.length > maxLength;

  // A shown error was about the old limit: check again against the new one (this clears it when it fits).
  useEffect(() => {
    if (form.getFieldState("prompt").error) void form.trigger("prompt");
  }, [form, limit]);

  return (
    <div className="grid gap-1.5">
      <div className="flex items-baseline justify-between">
        <label htmlFor="prompt" className="text-xs font-semibold text-fg">
          Prompt
        </label>
        <span
          id="prompt-count"
          className={cn("text-[11px] tabular-nums", over ? "font-medium text-danger" : "text-fg-subtle")}
          aria-label={`${prompt.length} of ${maxLength} characters`}
        >
          {prompt.length.toLocaleString("en-US")} / {maxLength.toLocaleString("en-US")}
        </span>
      </div>
      <Textarea
        id="prompt"
        rows={5}
        placeholder="A glass prism on a concrete plinth, morning light splitting into a rainbow, studio photograph"
        aria-invalid={error ? true : undefined}
        aria-describedby={cn(error && "prompt-error", "prompt-count")}
        className="min-h-32 resize-y"
        {...form.register("prompt", {
          validate: (value) => {
            const text = value.trim();
            if (!text) return "Prompt is required";
            return text.length <= maxLength || tooLongMessage(limit, text.length);
          },
        })}
      />
      {error ? (
        <p id="prompt-error" className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
