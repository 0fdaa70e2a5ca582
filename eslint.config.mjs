import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/**
 * The layers (README, "Architecture"): a folder may not import from the folders listed against it.
 * Paths are resolved, so `@/lib/…` and relative imports are caught alike, type-only imports included.
 */
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });

/**
 * Most zones are allow-lists: a folder imports from lib/ only what is listed, so a new folder is
 * above it by default.
 */
const LAYERS = [
  zone("./lib", ["./app", "./components"], "lib/ is below the pages and components: it never imports them."),
  zone(
    "./lib/models",
    "./lib",
    "lib/models is the isomorphic bottom layer: catalog and schemas, nothing else.",
    ["./models"],
  ),
  zone("./lib/api", "./lib", "lib/api is the isomorphic HTTP contract: it imports zod and lib/models only.", [
    "./api",
    "./models",
  ]),
  zone(
    "./lib/db",
    "./lib",
    "lib/db returns rows: it knows nothing of jobs, HTTP, the API contract, views or providers.",
    // process-state.ts is a leaf like env.ts and logger.ts: every server folder may import it.
    ["./db", "./models", "./env.ts", "./logger.ts", "./process-state.ts"],
  ),
  zone("./lib/storage", "./lib", "lib/storage keeps bytes; it knows nothing above it.", [
    "./storage",
    "./env.ts",
    "./logger.ts",
    "./error-brand.ts",
    "./process-state.ts",
  ]),
  zone(
    "./lib/providers",
    "./lib",
    "Provider adapters know their vendor and lib/models only, never jobs, routes or the database.",
    [
      "./providers",
      "./models",
      "./simulator/client.ts",
      "./env.ts",
      "./logger.ts",
      "./errors.ts",
      "./error-brand.ts",
    ],
  ),
  zone(
    "./lib/http",
    ["./lib/jobs", "./lib/db", "./lib/providers", "./lib/runs", "./lib/views", "./lib/server", "./lib/hooks"],
    "lib/http (route wrapper, safe fetch, browser client) knows nothing of jobs, the database or providers.",
  ),
  zone(
    "./lib/labels",
    "./lib",
    "lib/labels is isomorphic and zod-free: it names things from plain data, never the catalog's schemas.",
    [
      "./labels",
      "./models/model-names.ts",
      "./models/providers.ts",
      "./models/job-status.ts",
      "./models/run-limits.ts",
      "./format-usd.ts",
    ],
  ),
  zone(
    ["./components", "./lib/hooks"],
    "./lib",
    "Browser code imports only lib/api, lib/models, lib/labels, lib/hooks, the browser API client and format-usd.",
    ["./api", "./models", "./labels", "./hooks", "./http/api-client.ts", "./format-usd.ts"],
  ),
  zone(["./components", "./lib/hooks"], "./app", "Components and hooks never import pages or routes."),
];

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      ".data/**",
      "drizzle/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "*.ts"],
    // Packages are never part of a cycle; not parsing them keeps the check fast.
    settings: { "import/ignore": ["node_modules"] },
    rules: {
      // Not even type-only cycles: a type both sides need belongs in a third, lower module.
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "*.ts"],
    // A test may set up through higher layers; the layer it tests is the module beside it.
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "import/no-restricted-paths": ["error", { zones: LAYERS }] },
  },
  {
    // One client data path: pages and components call lib/hooks, which alone talk to the API and the
    // query cache (lib/hooks/README.md). The share page's review form is the one exception: that page
    // ships no TanStack Query.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["app/api/**", "app/(workspace)/providers.tsx", "components/review/review-gallery.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@tanstack/react-query", message: "Components call a hook of lib/hooks instead." },
            {
              name: "@/lib/http/api-client",
              importNames: ["apiFetch", "apiGet", "apiGetIfChanged", "apiPost", "apiPatch", "apiDelete"],
              message: "Components call a hook of lib/hooks instead.",
            },
          ],
        },
      ],
    },
  },
  {
    // A module that grows past this changes for two reasons: split it. Tests may be longer; blank lines
    // are Prettier's, not content.
    files: ["**/*.{ts,tsx,mjs}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "e2e/**/*.spec.ts"],
    rules: { "max-lines": ["error", { max: 250, skipBlankLines: true }] },
  },
];

export default config;
