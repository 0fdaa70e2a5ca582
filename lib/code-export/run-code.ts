import type { CodeSnippetsView, RunView } from "@/lib/api/views";
import type { CodeScript } from "./code-script";
import { renderSnippets } from "./render-snippets";
import { runSize } from "@/lib/labels/run-size";

/** The environment variable a script reads Prism's access token from. */
export const ACCESS_TOKEN_ENV = "PRISM_ACCESS_TOKEN";

/** The body of POST /api/runs that asks for the same matrix again: its prompts, columns and seed. */
export function recreateRunBody(run: Pick<RunView, "prompts" | "configs" | "seed">) {
  return {
    prompts: run.prompts,
    models: run.configs.map(({ modelId, params, label }) => ({ modelId, params, label })),
    seed: run.seed,
  };
}

/**
 * The Prism API request that starts a new run with this run's matrix, sent to `origin`; signs in
 * first when the app needs an access token.
 */
export function runCodeScript(run: RunView, origin: string, accessControl: boolean): CodeScript {
  const size = runSize(run.prompts.length, run.configs.length);
  const seed =
    run.seed === null
      ? 'Seeds: random for each job, as in the original; set "seed" to a number to lock one.'
      : `Seed ${run.seed}, locked for every model that takes one, as in the original.`;
  return {
    intro: [`Prism: start run ${run.id} again (${size}) as a new run.`, seed],
    env: accessControl ? [ACCESS_TOKEN_ENV] : [],
    signIn: accessControl ? { url: `${origin}/api/session`, tokenEnv: ACCESS_TOKEN_ENV } : undefined,
    requests: [
      {
        comment: [
          `Start the run: the answer is { id, jobs }; the results appear at ${origin}/runs/<id>`,
          "and in GET /api/runs/<id>.",
        ],
        method: "POST",
        url: [`${origin}/api/runs`],
        headers: [["Content-Type", ["application/json"]]],
        body: recreateRunBody(run),
      },
    ],
  };
}

export function runCodeSnippets(run: RunView, origin: string, accessControl: boolean): CodeSnippetsView {
  return renderSnippets(runCodeScript(run, origin, accessControl));
}
