import type { ApiIssue } from "@/lib/api/error-envelope";

export type RunIssueTarget =
  | { kind: "prompt"; message: string }
  | { kind: "model-field"; modelIndex: number; field: string; message: string }
  | { kind: "general"; message: string };

const MODEL_FIELD_PATH = /^models\.(\d+)\.params\.([^.]+)/;
const PROMPT_PATH = /^prompts?(?:\.(\d+))?$/;
const INPUT_PATH = /^inputs\.(\d+)$/;

/** Where a 422 issue from POST /api/runs belongs in the playground form. */
export function locateIssue(issue: ApiIssue): RunIssueTarget {
  const prompt = PROMPT_PATH.exec(issue.path);
  if (prompt) {
    // Several rows: say which one, as the field holds them all.
    const row = prompt[1] === undefined ? "" : `Prompt ${Number(prompt[1]) + 1}: `;
    return { kind: "prompt", message: `${row}${issue.message}` };
  }
  const input = INPUT_PATH.exec(issue.path);
  if (input) return { kind: "general", message: `Input image ${Number(input[1]) + 1}: ${issue.message}` };
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

interface IssueHandlers {
  prompt: (message: string) => void;
  /** Puts the issue on a configuration's field; false when that form is gone. */
  field: (configIndex: number, field: string, message: string) => boolean;
  /** Whatever has no field of its own, joined, shown beside Generate. */
  general: (message: string) => void;
}

/** Sends each issue of a 422 to where it belongs in the form. */
export function dispatchIssues(issues: ApiIssue[], handlers: IssueHandlers): void {
  const general: string[] = [];
  for (const issue of issues) {
    const target = locateIssue(issue);
    if (target.kind === "prompt") handlers.prompt(target.message);
    else if (
      target.kind !== "model-field" ||
      !handlers.field(target.modelIndex, target.field, target.message)
    )
      general.push(target.message);
  }
  if (general.length > 0) handlers.general(general.join(" "));
}
