import { ImageIcon } from "@/components/ui/icons";

export function EmptyResults() {
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
    </div>
  );
}
