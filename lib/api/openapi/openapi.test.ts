import { describe, expect, it } from "vitest";
import { MODELS } from "@/lib/models/catalog";
import { SESSION_COOKIE } from "@/lib/security/session-cookie";
import { apiRoutes } from "@/lib/testing/api-routes";
import { contractViolation } from "@/lib/testing/api-contract";
import { modelParamsName } from "./components";
import { openApiDocument, SESSION_COOKIE_NAME } from "./document";

type Operation = { security?: unknown[]; responses: Record<string, unknown> };
const document = openApiDocument() as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};
const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    route: `${method.toUpperCase()} ${path}`,
    operation,
  })),
);

describe("the OpenAPI document cannot drift", () => {
  const routes = apiRoutes();

  it("lists every route method under app/api, and no other", () => {
    expect(documented.map(({ route }) => route).sort()).toEqual(
      routes.map(({ method, path }) => `${method} ${path}`).sort(),
    );
  });

  it("declares each operation public or signed-in exactly as its route does", () => {
    const declared = new Map(routes.map(({ method, path, access }) => [`${method} ${path}`, access]));
    for (const { route, operation } of documented) {
      const access = operation.security?.length === 0 ? "public" : "session";
      expect(access, route).toBe(declared.get(route));
    }
  });

  it("names the session cookie the server sets", () => {
    expect(SESSION_COOKIE_NAME).toBe(SESSION_COOKIE);
  });

  it("documents the Retry-After header of every 503 and 429, the contact sheets' and the ZIPs' included", () => {
    const headerOf = (route: string, status: string) => {
      const found = documented.find((entry) => entry.route === route);
      const response = found?.operation.responses[status] as { headers?: Record<string, unknown> };
      return response?.headers?.["Retry-After"];
    };
    expect(headerOf("GET /api/runs/{id}/contact-sheet", "503")).toBeDefined();
    expect(headerOf("GET /api/runs/{id}/download", "503")).toBeDefined();
    expect(headerOf("GET /api/picks/contact-sheet", "503")).toBeDefined();
    expect(headerOf("GET /api/picks/download", "503")).toBeDefined();
    for (const { route, operation } of documented)
      for (const status of ["429", "503"])
        if (operation.responses[status]) expect(headerOf(route, status), `${route} ${status}`).toBeDefined();
  });

  it("holds every model's parameters as a schema of its own", () => {
    for (const model of MODELS)
      expect(document.components.schemas[modelParamsName(model.id)], model.id).toBeDefined();
  });
});

describe("contractViolation", () => {
  const image = {
    id: "i1",
    url: "/api/files/a.png",
    thumbnailUrl: "/api/files/a.webp",
    width: 64,
    height: 64,
    contentType: "image/png",
    byteSize: 10,
    index: 0,
    starred: false,
    note: null,
  };
  const json = "application/json";

  it("passes an answer as the document says it", () => {
    expect(contractViolation("PATCH", "http://x/api/images/i1", 200, json, { image })).toBeUndefined();
    expect(
      contractViolation("GET", "http://x/api/files/ab/cd.png", 200, "image/png", undefined),
    ).toBeUndefined();
  });

  it("fails a wrong field, an extra field, an undocumented status and an unknown route", () => {
    expect(
      contractViolation("PATCH", "/api/images/i1", 200, json, { image: { ...image, width: "64" } }),
    ).toMatch(/\/image\/width must be integer/);
    expect(
      contractViolation("PATCH", "/api/images/i1", 200, json, { image: { ...image, extra: 1 } }),
    ).toMatch(/additional properties/);
    expect(contractViolation("PATCH", "/api/images/i1", 418, json, {})).toMatch(/does not list/);
    expect(contractViolation("GET", "/api/nowhere", 200, json, {})).toMatch(/not in the OpenAPI document/);
  });

  it("checks an error answer's code against the codes the route documents", () => {
    const notFound = { error: { code: "not_found", message: "No run with this id" } };
    expect(contractViolation("GET", "/api/runs/r1", 404, json, notFound)).toBeUndefined();
    expect(
      contractViolation("GET", "/api/runs/r1", 404, json, { error: { ...notFound.error, code: "gone" } }),
    ).toMatch(/must be equal to one of the allowed values/);
  });
});
