import { startSimulator } from "./index";

/**
 * `npx tsx lib/simulator/cli.ts`: run the simulator on SIMULATOR_PORT (default 4010) until Ctrl-C;
 * SIMULATOR_STATE_DIR keeps its jobs and images across runs.
 */

const port = Number(process.env.SIMULATOR_PORT ?? 4010);
const stepMs = process.env.SIMULATOR_STEP_MS ? Number(process.env.SIMULATOR_STEP_MS) : undefined;
const stateDir = process.env.SIMULATOR_STATE_DIR || undefined;

const simulator = await startSimulator({ port, stepMs, stateDir });
console.log("Prism provider simulator");
for (const [name, url] of Object.entries(simulator.urls)) console.log(`  ${name.padEnd(9)} ${url}`);

async function shutdown(): Promise<void> {
  await simulator.close();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown());
process.once("SIGTERM", () => void shutdown());
