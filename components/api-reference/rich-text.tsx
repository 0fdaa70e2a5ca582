import type { ReactNode } from "react";

/** The document's descriptions: plain text with `code` and **bold**, paragraphs split on blank lines. */
export function RichText({ text, className }: { text: string | undefined; className?: string }): ReactNode {
  if (!text) return null;
  return text.split(/\n{2,}/).map((paragraph, index) => (
    <p key={index} className={className}>
      {paragraph.split(/(`[^`]+`|\*\*[^*]+\*\*)/).map((part, partIndex) =>
        part.startsWith("`") ? (
          <code key={partIndex} className="rounded bg-surface-sunken px-1 font-mono text-[0.9em]">
            {part.slice(1, -1)}
          </code>
        ) : part.startsWith("**") ? (
          <strong key={partIndex}>{part.slice(2, -2)}</strong>
        ) : (
          part
        ),
      )}
    </p>
  ));
}
