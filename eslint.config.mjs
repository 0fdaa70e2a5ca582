import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

import { readdirSync } from "node:fs";
import path from "node:path";

/**
 * The layers (README, "Architecture", whose table says the same): what each folder of lib/, and each
 * file directly in it, may import from lib/ besides itself. Allow-lists: anything else in lib/ is
 * refused. Paths are resolved, so `@/lib/…` and relative imports are caught alike, type-only imports
 * included. A folder or file of lib/ missing here fails the lint, so every new one gets its place.
 */
const FOUNDATION = [
  "models",
  "labels",
  "api",
  "env.ts",
  "errors.ts",
  "error-brand.ts",
  "logger.ts",
  "format-usd.ts",
  "process-state.ts",
];
const SERVER_FEATURES = {
  // The review tally's agreement uses the scorecard's Wilson interval (a leaf: it imports nothing).
  views: [...FOUNDATION, "db", "scorecard/wilson.ts"],
  inputs: [...FOUNDATION, "db", "storage", "render"],
  spend: [...FOUNDATION, "db"],
  security: [...FOUNDATION, "db"],
  blobs: [...FOUNDATION, "db", "storage"],
  runs: [...FOUNDATION, "db", "changes", "storage", "views", "blobs"],
  reviews: [...FOUNDATION, "db", "storage", "render", "views"],
  images: [...FOUNDATION, "db", "runs", "views"],
  downloads: [...FOUNDATION, "db", "storage", "views"],
  galleries: [...FOUNDATION, "db", "storage", "render", "views"],
  "code-export": [...FOUNDATION, "providers"],
  jobs: [
    ...FOUNDATION,
    "db",
    "storage",
    "render",
    "changes",
    "http",
    "inputs",
    "providers",
    "runs",
    "spend",
    "views",
  ],
  "contact-sheet": [...FOUNDATION, "db", "storage", "render", "views"],
  scorecard: [...FOUNDATION, "db"],
};
const BELOW_FEATURES = {
  models: [],
  "env.ts": [],
  "logger.ts": [],
  "error-brand.ts": [],
  "format-usd.ts": [],
  "process-state.ts": [],
  api: ["models", "labels"],
  "errors.ts": ["api/error-envelope.ts", "api/error-codes.ts", "error-brand.ts"],
  labels: [
    "models/model-names.ts",
    "models/providers.ts",
    "models/job-status.ts",
    "models/run-limits.ts",
    "format-usd.ts",
  ],
  db: ["models", "env.ts", "logger.ts", "process-state.ts"],
  storage: ["env.ts", "logger.ts", "error-brand.ts", "process-state.ts"],
  render: ["storage"],
  changes: ["db", "logger.ts", "process-state.ts"],
  providers: ["models", "env.ts", "logger.ts", "errors.ts", "error-brand.ts"],
  simulator: ["models", "providers", "storage"],
  http: ["api", "env.ts", "errors.ts", "error-brand.ts", "logger.ts", "security", "storage"],
};
const SERVER_SIDE = [...Object.keys(BELOW_FEATURES), ...Object.keys(SERVER_FEATURES)];
export const LIB_LAYERS = {
  ...BELOW_FEATURES,
  ...SERVER_FEATURES,
  /** The composition root: anything on the server. */
  server: SERVER_SIDE,
  /** Test support, for tests, e2e and benches. */
  testing: [...SERVER_SIDE, "server"],
  /** Browser code: the contract, the catalog, labels and the browser client. */
  hooks: ["api", "models", "labels", "http/api-client.ts", "format-usd.ts"],
};

const unplaced = readdirSync(path.join(import.meta.dirname, "lib"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() || /^[^.]+\.tsx?$/.test(entry.name))
  .map((entry) => entry.name)
  .filter((name) => !(name in LIB_LAYERS));
if (unplaced.length > 0) {
  throw new Error(
    `lib/${unplaced.join(", lib/")} has no layer: add what it may import to LIB_LAYERS in eslint.config.mjs and to the README's layer table`,
  );
}

const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });

const LAYERS = [
  zone("./lib", ["./app", "./components"], "lib/ is below the pages and components: it never imports them."),
  ...Object.entries(LIB_LAYERS).map(([part, allowed]) =>
    zone(
      `./lib/${part}`,
      "./lib",
      allowed.length === 0
        ? `lib/${part} imports nothing from lib/ (README, "Architecture").`
        : `lib/${part} may import from lib/ only: ${allowed.join(", ")} (README, "Architecture").`,
      [`./${part}`, ...allowed.map((name) => `./${name}`)],
    ),
  ),
  zone(
    "./components",
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
    // The share page, history and the header ship no zod: not the catalog's schemas, not the request
    // schemas (the share page's first-load budget depends on it). Labels come from lib/labels, limits
    // from lib/api/gallery-limits.ts and lib/models/run-limits.ts; a type-only import ships nothing.
    files: [
      "app/g/**/*.{ts,tsx}",
      "app/(workspace)/history/**/*.{ts,tsx}",
      "app/layout.tsx",
      "app/(workspace)/layout.tsx",
      "components/{share,history,layout,media,review,compare,ui}/**/*.{ts,tsx}",
      "lib/hooks/**/*.ts",
      "lib/labels/**/*.ts",
    ],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "zod",
                "**/lib/models/catalog",
                "**/lib/models/definitions/*",
                "**/lib/models/params",
                "**/lib/models/describe-schema",
                "**/lib/models/starting-params",
                "**/lib/models/param-labels",
                "**/lib/api/*-requests",
                // The views are zod schemas too (the OpenAPI document is made of them): types only.
                "**/lib/api/*-view",
                "**/lib/api/*-views",
                "**/lib/api/views",
                "**/lib/api/error-envelope",
              ],
              allowTypeImports: true,
              message:
                "The share page, history and the header ship no zod catalog and no request schemas: take labels from lib/labels and limits from their zod-free modules.",
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
    // lib/api/openapi-types.ts is generated by openapi-typescript (npm run openapi:types).
    ignores: ["**/*.test.ts", "**/*.test.tsx", "e2e/**/*.spec.ts", "lib/api/openapi-types.ts"],
    rules: { "max-lines": ["error", { max: 250, skipBlankLines: true }] },
  },
];

export default config;
