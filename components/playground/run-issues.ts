import type { ApiIssue } from "@/lib/api/error-envelope";

export type RunIssueTarget =
  | { kind: "prompt"; message: string }
  | { kind: "model-field"; modelIndex: number; field: string; message: string }
  | { kind: "general"; message: string };

const MODEL_FIELD_PATH = /^models\.(\d+)\.params\.([^.]+)/;

/** Where a 422 issue from POST /api/runs belongs in the playground form. */
export function locateIssue(issue: ApiIssue): RunIssueTarget {
  if (issue.path === "prompt") return { kind: "prompt", message: issue.message };
  const match = MODEL_FIELD_PATH.exec(issue.path);
  if (match)
    return {
      kind: "model-field",
      modelIndex: Number(match[1]),
      field: match[2] ?? "",
      message: issue.message,
    };
  return { kind: "general", message: issue.path ? `${issue.path}: ${issue.message}` : issue.message };
}
