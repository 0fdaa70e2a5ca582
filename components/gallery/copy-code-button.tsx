"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Button, type ButtonSize } from "@/components/ui/button";
import { CopyIcon } from "@/components/ui/icons";

// Loaded on the first click: no page needs the dialog and its tabs to draw.
const CodeDialog = dynamic(() => import("./code-dialog").then((module) => module.CodeDialog), {
  ssr: false,
});

interface CopyCodeButtonProps {
  /** GET endpoint answering CodeSnippetsView. */
  path: string;
  /** The dialog's heading. */
  title: string;
  compact?: boolean;
  size?: ButtonSize;
}

/** "Copy as code": a dialog with the request as cURL, JavaScript and Python. */
export function CopyCodeButton({ path, title, compact = false, size = "sm" }: CopyCodeButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size={compact ? "icon-sm" : size}
        variant="ghost"
        onClick={() => setOpen(true)}
        aria-label={compact ? "Copy as code" : undefined}
        title="Copy as code"
      >
        <CopyIcon />
        {compact ? null : "Copy as code"}
      </Button>
      {open ? <CodeDialog path={path} title={title} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
