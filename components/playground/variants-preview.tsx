import type { PromptExpansion } from "@/lib/models/prompt-variants";

/** The rows a Variants text expands to, live, or what keeps it from expanding. */
export function VariantsPreview({ rows, empty }: { rows: PromptExpansion; empty: boolean }) {
  if (empty)
    return (
      <p id="prompt-rows" className="text-[11px] text-fg-subtle">
        Each line is a prompt; {"{a|b}"} alternatives expand into every combination (write \{"{"} for a
        brace).
      </p>
    );
  if (!rows.ok)
    return (
      <p
        id="prompt-rows"
        role="status"
        className="rounded-lg bg-danger-soft px-3 py-2 text-xs font-medium text-danger"
      >
        {rows.error}
      </p>
    );
  const count = rows.prompts.length;
  return (
    <div id="prompt-rows" className="grid gap-1 rounded-lg border border-line bg-surface-muted/50 p-2">
      <p role="status" className="text-[11px] font-medium text-fg-muted">
        {count === 1 ? "1 prompt" : `${count} prompts`}
      </p>
      <ol
        aria-label="Prompt rows"
        className="grid max-h-48 list-decimal gap-0.5 overflow-y-auto pl-5 text-xs"
      >
        {rows.prompts.map((prompt) => (
          <li key={prompt} className="text-fg marker:text-fg-subtle">
            <span className="line-clamp-2">{prompt}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
