"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { CloseIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import type { CodeSnippetsView } from "@/lib/api/views";
import { useCodeSnippets } from "@/lib/hooks/use-code-snippets";

const LANGUAGES = [
  { key: "curl", label: "cURL" },
  { key: "javascript", label: "JavaScript" },
  { key: "python", label: "Python" },
] as const satisfies { key: keyof CodeSnippetsView; label: string }[];

type Language = (typeof LANGUAGES)[number]["key"];

interface CodeDialogProps {
  path: string;
  title: string;
  onClose: () => void;
}

/** The snippets of GET …/code in tabs, each with its copy button. Keys appear only as variables. */
export function CodeDialog({ path, title, onClose }: CodeDialogProps) {
  const [language, setLanguage] = useState<Language>("curl");
  const snippets = useCodeSnippets(path);
  const current = LANGUAGES.find((entry) => entry.key === language)!;
  const code = snippets.data?.[language];

  return (
    <Dialog open onClose={onClose} label="Copy as code" className="w-[min(52rem,calc(100vw-2rem))]">
      <div className="flex max-h-[calc(100dvh-4rem)] flex-col gap-4 p-5">
        <div className="flex items-start justify-between gap-3">
          <div className="grid gap-1">
            <h2 className="text-base font-semibold">Copy as code</h2>
            <p className="text-xs text-fg-muted">
              {title}. The key is read from an environment variable; set it before running.
            </p>
          </div>
          <Button variant="ghost" size="icon-sm" aria-label="Close" onClick={onClose}>
            <CloseIcon />
          </Button>
        </div>
        <div role="tablist" aria-label="Language" className="flex gap-1 border-b border-line">
          {LANGUAGES.map((entry) => (
            <button
              key={entry.key}
              type="button"
              role="tab"
              id={`code-tab-${entry.key}`}
              aria-selected={entry.key === language}
              aria-controls="code-panel"
              onClick={() => setLanguage(entry.key)}
              className={cn(
                "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
                entry.key === language
                  ? "border-accent text-fg"
                  : "border-transparent text-fg-muted hover:text-fg",
              )}
            >
              {entry.label}
            </button>
          ))}
        </div>
        <div
          role="tabpanel"
          id="code-panel"
          aria-labelledby={`code-tab-${language}`}
          className="grid min-h-0 gap-3"
        >
          {snippets.error ? (
            <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
              {snippets.error.message}
            </p>
          ) : code === undefined ? (
            <p className="flex items-center gap-2 text-sm text-fg-muted" role="status">
              <Spinner /> Loading…
            </p>
          ) : (
            <>
              <pre
                // A region the keyboard can reach, so it scrolls without a mouse.
                role="region"
                tabIndex={0}
                aria-label={`${current.label} code`}
                className="max-h-[55dvh] overflow-auto rounded-lg bg-surface-sunken p-4 font-mono text-xs leading-relaxed whitespace-pre"
              >
                {code}
              </pre>
              <div className="flex justify-end">
                <CopyButton key={language} text={code} label={`Copy ${current.label}`} variant="primary" />
              </div>
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
