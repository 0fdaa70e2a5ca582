import { z } from "zod";
import { startSimulator } from "./index";

/**
 * `npx tsx lib/simulator/cli.ts`: run the simulator on SIMULATOR_PORT (default 4010) until Ctrl-C;
 * SIMULATOR_STATE_DIR keeps its jobs and images across runs.
 */

/** Blank counts as unset; anything else must make sense, or the simulator does not start. */
const unsetIfBlank = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const cliEnvSchema = z.object({
  SIMULATOR_PORT: z.preprocess(unsetIfBlank, z.coerce.number().int().min(0).max(65_535).default(4010)),
  SIMULATOR_STEP_MS: z.preprocess(unsetIfBlank, z.coerce.number().int().min(0).optional()),
  SIMULATOR_STATE_DIR: z.preprocess(unsetIfBlank, z.string().optional()),
});

const env = cliEnvSchema.safeParse(process.env);
if (!env.success) {
  for (const issue of env.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
  process.exit(1);
}
const { SIMULATOR_PORT: port, SIMULATOR_STEP_MS: stepMs, SIMULATOR_STATE_DIR: stateDir } = env.data;

const simulator = await startSimulator({ port, stepMs, stateDir });
console.log("Prism provider simulator");
for (const [name, url] of Object.entries(simulator.urls)) console.log(`  ${name.padEnd(9)} ${url}`);

async function shutdown(): Promise<void> {
  await simulator.close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown());
process.once("SIGTERM", () => void shutdown());
