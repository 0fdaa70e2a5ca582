import type { EditedFromView, WordChangeView } from "@/lib/api/views";
import { cn } from "@/components/ui/cn";

function Word({ change }: { change: WordChangeView }) {
  if (change.op === "same") return <span className="text-fg-muted">{change.text}</span>;
  const added = change.op === "added";
  const Tag = added ? "ins" : "del";
  return (
    <Tag
      className={cn(
        "rounded px-0.5",
        added ? "bg-success-soft text-success no-underline" : "bg-danger-soft text-danger line-through",
      )}
    >
      <span className="sr-only">{added ? "added: " : "removed: "}</span>
      {change.text}
    </Tag>
  );
}

/**
 * What changed since the run this one was edited from: the prompt word by word (in `compact`, only
 * the words added and removed) and every other setting changed.
 */
export function EditChanges({ changes, compact = false }: { changes?: EditedFromView; compact?: boolean }) {
  if (!changes || (!changes.prompt && changes.settings.length === 0)) return null;
  const words = compact ? changes.prompt?.filter((change) => change.op !== "same") : changes.prompt;
  return (
    <div
      data-edit-changes
      className={cn(
        "grid gap-1 text-xs",
        !compact && "rounded-lg border border-line bg-surface-muted/50 px-3 py-2",
      )}
    >
      <p className="font-medium text-fg-muted">
        {compact ? "Edited:" : "Changed since the run it was edited from"}
      </p>
      {words ? (
        <p className={cn("leading-relaxed", compact && "line-clamp-2")}>
          {words.map((change, index) => (
            <span key={index}>
              {index > 0 ? " " : null}
              <Word change={change} />
            </span>
          ))}
        </p>
      ) : null}
      {changes.settings.length > 0 ? (
        compact ? (
          <p className="line-clamp-2 text-fg-muted">{changes.settings.join(" · ")}</p>
        ) : (
          <ul className="grid list-disc gap-0.5 pl-4 text-fg-muted">
            {changes.settings.map((setting) => (
              <li key={setting}>{setting}</li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}
