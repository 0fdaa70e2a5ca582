import type { PlaygroundWorkspace } from "./playground-workspace";

type Workspace = typeof PlaygroundWorkspace;

let pending: Promise<Workspace> | undefined;

/**
 * Imports the workspace (the zod catalog, react-hook-form, the schema form and the results, about
 * 60 kB gzip) once per page; a failed import is forgotten, so the next mount tries again.
 */
function importWorkspace(): Promise<Workspace> {
  pending ??= import("./playground-workspace").then(
    (module) => module.PlaygroundWorkspace,
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  return pending;
}

/**
 * Loads the workspace once the page's `load` event has passed (at once on a client-side
 * navigation), so its chunk is not among the scripts the first paint waits for. The playground
 * shows its skeleton until GET /api/models answers anyway; the chunk loads in parallel with that
 * request. Calls back with the component or the import's error, unless cancelled.
 */
export function loadWorkspaceAfterLoad(
  onLoaded: (workspace: Workspace) => void,
  onError: (error: Error) => void,
): () => void {
  let cancelled = false;
  const start = () => {
    importWorkspace().then(
      (workspace) => {
        if (!cancelled) onLoaded(workspace);
      },
      (error: unknown) => {
        if (!cancelled) onError(error instanceof Error ? error : new Error(String(error)));
      },
    );
  };
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
  return () => {
    cancelled = true;
    window.removeEventListener("load", start);
  };
}
