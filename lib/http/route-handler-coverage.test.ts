import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// proxy.ts skips API routes, so routeHandler() is the only access check they get (it also gives
// every route the one error envelope). This keeps a new route from going without it.
const API_DIR = path.join(process.cwd(), "app", "api");
const METHOD = "(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)";

function routeFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

describe("API routes", () => {
  const files = routeFiles(API_DIR);

  it("are found", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((file) => [path.relative(process.cwd(), file), file]))(
    "%s wraps every export in routeHandler",
    (_, file) => {
      const source = readFileSync(file, "utf8");
      const exported = [
        ...source.matchAll(new RegExp(`export (?:const|async function|function) ${METHOD}\\b(.*)`, "g")),
      ];
      expect(exported.length).toBeGreaterThan(0);
      for (const [line, , rest] of exported) expect(rest, line).toMatch(/^\s*=\s*routeHandler\b/);
    },
  );
});
