import { ImageIcon } from "@/components/ui/icons";
import { EXAMPLE_PROMPTS } from "./example-prompts";

export function EmptyResults({ onPickExample }: { onPickExample: (prompt: string) => void }) {
  return (
    <div className="flex min-h-[50vh] flex-col items-center justify-center gap-3 rounded-card border border-dashed border-line-strong bg-surface/50 p-10 text-center">
      <div className="grid size-12 place-items-center rounded-2xl bg-accent-soft text-accent">
        <ImageIcon className="size-6" />
      </div>
      <h2 className="text-base font-semibold">Compare models side by side</h2>
      <p className="max-w-sm text-sm text-fg-muted">
        Write a prompt, pick the models to compare and press Generate. Each model gets its own card, and
        images appear the moment they are ready.
      </p>
      <div className="mt-3 grid w-full max-w-xl gap-2">
        <p id="example-prompts" className="text-xs font-medium text-fg-muted">
          Or start from an example
        </p>
        <ul aria-labelledby="example-prompts" className="grid gap-2 sm:grid-cols-2">
          {EXAMPLE_PROMPTS.map((example) => (
            <li key={example.label}>
              <button
                type="button"
                onClick={() => onPickExample(example.prompt)}
                className="grid h-full w-full gap-0.5 rounded-lg border border-line bg-surface px-3 py-2 text-left shadow-xs transition-colors hover:border-line-strong hover:bg-surface-muted"
              >
                <span className="text-xs font-semibold text-fg">{example.label}</span>
                <span className="line-clamp-2 text-xs text-fg-muted">{example.prompt}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
