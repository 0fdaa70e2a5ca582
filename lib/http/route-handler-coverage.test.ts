import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_DIR, exportedMethods, routeFiles, WRAPPED } from "@/lib/testing/api-routes";

// proxy.ts skips API routes, so routeHandler() is the only access check they get (it also gives
// every route the one error envelope). This keeps a new route from going without it, and from
// going without declaring who may call it.

/** Everything else needs a session: a new route is private until someone decides otherwise. */
const PUBLIC_ROUTES = new Set([
  "POST callbacks/[token]",
  "GET files/[...key]",
  "GET galleries/[slug]",
  "GET galleries/[slug]/download",
  "GET galleries/[slug]/images/[imageId]",
  "GET galleries/[slug]/images/[imageId]/thumbnail",
  "GET galleries/[slug]/images/[imageId]/download",
  "GET galleries/[slug]/inputs/[inputId]",
  "GET galleries/[slug]/inputs/[inputId]/thumbnail",
  "POST galleries/[slug]/votes",
  "GET health",
  "GET inputs/[id]/file",
  "GET openapi.json",
  "GET ready",
  "GET refused",
  "GET session",
  "POST session",
  "DELETE session",
]);

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
