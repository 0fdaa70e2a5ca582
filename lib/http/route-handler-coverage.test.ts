import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// proxy.ts skips API routes, so routeHandler() is the only access check they get (it also gives
// every route the one error envelope). This keeps a new route from going without it, and from
// going without declaring who may call it.
const API_DIR = path.join(process.cwd(), "app", "api");
const METHOD = "(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)";
const WRAPPED = /^routeHandler(?:<[^(]*?>)?\(\s*\{\s*access:\s*"(public|session)"/;

/** Everything else needs a session: a new route is private until someone decides otherwise. */
const PUBLIC_ROUTES = new Set([
  "POST callbacks/[token]",
  "GET files/[...key]",
  "GET galleries/[slug]",
  "GET galleries/[slug]/download",
  "GET galleries/[slug]/images/[imageId]/download",
  "POST galleries/[slug]/votes",
  "GET health",
  "GET inputs/[id]/file",
  "GET ready",
  "GET refused",
  "GET session",
  "POST session",
  "DELETE session",
]);

function routeFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** Each exported method with the source text its export is initialised with (null: not a const). */
function exportedMethods(source: string): { method: string; initializer: string | null }[] {
  const direct = [
    ...source.matchAll(
      new RegExp(`export (const|async function|function) ${METHOD}\\b\\s*([^]*?)(?=\\nexport |$)`, "g"),
    ),
  ].map(([, kind, method, rest]) => ({
    method: method!,
    initializer: kind === "const" ? rest!.replace(/^=\s*/, "") : null,
  }));
  const listed = [...source.matchAll(/export\s*\{([^}]*)\}\s*(from\b)?/g)].flatMap(([, names, from]) =>
    names!
      .split(",")
      .map((name) => name.trim().split(/\s+as\s+/))
      .filter((parts) => new RegExp(`^${METHOD}$`).test(parts.at(-1)!))
      .map((parts) => {
        const local = source.match(new RegExp(`const ${parts[0]}\\s*=\\s*([^]*)`));
        return { method: parts.at(-1)!, initializer: from || !local ? null : local[1]! };
      }),
  );
  return [...direct, ...listed];
}

describe("API routes", () => {
  const files = routeFiles(API_DIR);

  it("are found", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((file) => [path.relative(API_DIR, path.dirname(file)), file]))(
    "%s wraps every export in routeHandler and declares its access",
    (route, file) => {
      const exported = exportedMethods(readFileSync(file, "utf8"));
      expect(exported.length).toBeGreaterThan(0);
      for (const { method, initializer } of exported) {
        const declared = initializer?.match(WRAPPED)?.[1];
        expect(declared, `${method} ${route}`).toBe(
          PUBLIC_ROUTES.has(`${method} ${route}`) ? "public" : "session",
        );
      }
    },
  );

  it("finds exports in both forms", () => {
    const source = [
      'export const GET = routeHandler<{ id: string }>({ access: "public" }, handler);',
      'const remove = routeHandler({ access: "session", body }, handler);',
      "export { remove as DELETE };",
      "export { POST } from './elsewhere';",
      "export async function PUT() {}",
    ].join("\n");
    expect(
      exportedMethods(source).map(({ method, initializer }) => [method, initializer?.match(WRAPPED)?.[1]]),
    ).toEqual([
      ["GET", "public"],
      ["PUT", undefined],
      ["DELETE", "session"],
      ["POST", undefined],
    ]);
  });
});
