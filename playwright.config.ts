import { defineConfig } from "@playwright/test";
// Debian's Chromium (Playwright cannot download its own here), with every background network
// service off so a run makes no connection beyond loopback (docs/toolchain.md #11, #12). Shared with bench/.
import CHROMIUM_LAUNCH from "./e2e/support/chromium-launch.json" with { type: "json" };
import { E2E_BASE_URL, E2E_DATA_DIR, E2E_PORT, E2E_SIMULATOR_PORT } from "./e2e/support/env";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: "list",
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "api", testDir: "e2e/api" },
    {
      name: "ui",
      testDir: "e2e/ui",
      use: {
        browserName: "chromium",
        viewport: { width: 1440, height: 900 },
        launchOptions: CHROMIUM_LAUNCH,
      },
    },
  ],
  webServer: {
    command: `npx next start -p ${E2E_PORT} -H 127.0.0.1`,
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      // As in `npm start`: lib/server/lifecycle.ts owns SIGTERM/SIGINT.
      NEXT_MANUAL_SIG_HANDLE: "true",
      PRISM_SIMULATOR: "on",
      // Its own address, as a deployment's: edit models whose provider fetches inputs by URL are
      // offered, and the providers call back. The spec of a server without it starts its own.
      PUBLIC_URL: E2E_BASE_URL,
      SIMULATOR_PORT: String(E2E_SIMULATOR_PORT),
      DATA_DIR: E2E_DATA_DIR,
      // Specs create runs faster than a person; the limit itself is tested on a server of its own.
      PRISM_RATE_LIMIT_PER_MINUTE: "0",
    },
  },
});
