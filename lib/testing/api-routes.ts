import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The route files under app/api and the methods each exports, read from the source (for tests). */

export const API_DIR = path.join(process.cwd(), "app", "api");
const METHOD = "(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)";
/** A route export wrapped in routeHandler; group 1 is the access it declares. */
export const WRAPPED = /^routeHandler(?:<[^(]*?>)?\(\s*\{\s*access:\s*"(public|session)"/;

export function routeFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** Each exported method with the source text its export is initialised with (null: not a const). */
export function exportedMethods(source: string): { method: string; initializer: string | null }[] {
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

/** Every route method: `GET /api/runs/{id}`, the path written as an OpenAPI template. */
export function apiRoutes(): { method: string; path: string; access: string | undefined }[] {
  return routeFiles(API_DIR).flatMap((file) => {
    const route = path.relative(API_DIR, path.dirname(file)).split(path.sep);
    const template = `/api/${route.map((part) => part.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}")).join("/")}`;
    return exportedMethods(readFileSync(file, "utf8")).map(({ method, initializer }) => ({
      method,
      path: template,
      access: initializer?.match(WRAPPED)?.[1],
    }));
  });
}
