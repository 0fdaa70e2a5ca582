"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { Button, buttonClasses } from "@/components/ui/button";
import { SlidersIcon } from "@/components/ui/icons";
import type { RunView } from "@/lib/api/views";

/** "Edit & re-run" path: the playground loads the run's prompts, configurations and seed into its form. */
export const editRunHref = (runId: string) => `/?from=${encodeURIComponent(runId)}`;

/**
 * Loads the run into the playground form: in place where the page is the playground (`onEdit`),
 * else by opening the playground on it.
 */
export function EditRunButton({ run, onEdit }: { run: RunView; onEdit?: (run: RunView) => void }) {
  const label = "Edit & re-run";
  const title = "Load these prompts, configurations and seed into the form to change them";
  if (onEdit)
    return (
      <Button size="sm" onClick={() => onEdit(run)} title={title}>
        <SlidersIcon />
        {label}
      </Button>
    );
  return (
    <IntentLink href={editRunHref(run.id)} className={buttonClasses("secondary", "sm")} title={title}>
      <SlidersIcon />
      {label}
    </IntentLink>
  );
}
