"use client";

import { useState } from "react";
import { runSize } from "@/lib/labels/run-size";
import { RunResults } from "@/components/gallery/run-results";
import { RunShareActions } from "@/components/share/run-share-actions";
import { cn } from "@/components/ui/cn";
import { ChevronDownIcon } from "@/components/ui/icons";
import type { RunView } from "@/lib/api/views";
import type { FeedEntry } from "./playground-draft";

interface RunFeedProps {
  /** Newest first. */
  entries: FeedEntry[];
  /** A Re-run from the results of `source` created `runId`. */
  onRerun: (runId: string, source: FeedEntry) => void;
  onEdit: (run: RunView) => void;
  onMissing: (runId: string) => void;
}

function entryTitle(entry: FeedEntry): string {
  const size =
    entry.promptCount > 1 || entry.configCount > 0
      ? ` · ${runSize(entry.promptCount, entry.configCount)}`
      : "";
  return `${entry.prompt || "Earlier run"}${size}`;
}

/**
 * The session's runs: the newest open on top, older ones collapsed below and opened on click, so
 * the previous result is one click away while the next one arrives.
 */
export function RunFeed({ entries, onRerun, onEdit, onMissing }: RunFeedProps) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [newest, ...older] = entries;
  if (!newest) return null;
  return (
    <div className="grid gap-6">
      <RunResults
        key={newest.id}
        runId={newest.id}
        onRerun={(id) => onRerun(id, newest)}
        onEdit={onEdit}
        onMissing={() => onMissing(newest.id)}
        showPermalink
        actions={<RunShareActions runId={newest.id} selectable={false} />}
      />
      {older.length > 0 ? (
        <section aria-label="Earlier runs" className="grid gap-2 border-t border-line pt-4">
          <h2 className="text-xs font-semibold text-fg-muted">Earlier in this session</h2>
          {older.map((entry) => {
            const expanded = open.has(entry.id);
            const panelId = `feed-${entry.id}`;
            return (
              <div key={entry.id} className="grid gap-3 rounded-card border border-line bg-surface px-3 py-2">
                <button
                  type="button"
                  aria-expanded={expanded}
                  aria-controls={panelId}
                  onClick={() =>
                    setOpen((current) => {
                      const next = new Set(current);
                      if (!next.delete(entry.id)) next.add(entry.id);
                      return next;
                    })
                  }
                  className="flex items-center gap-2 text-left text-sm text-fg hover:text-accent-strong"
                >
                  <ChevronDownIcon
                    className={cn("size-4 shrink-0 transition-transform", !expanded && "-rotate-90")}
                  />
                  <span className="line-clamp-1 min-w-0 flex-1">{entryTitle(entry)}</span>
                </button>
                {expanded ? (
                  <div id={panelId}>
                    <RunResults
                      runId={entry.id}
                      onRerun={(id) => onRerun(id, entry)}
                      onEdit={onEdit}
                      onMissing={() => onMissing(entry.id)}
                      showPermalink
                    />
                  </div>
                ) : null}
              </div>
            );
          })}
        </section>
      ) : null}
    </div>
  );
}
