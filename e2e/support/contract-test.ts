import { type APIRequestContext, type APIResponse, test as base } from "@playwright/test";
import { assertMatchesContract } from "../../lib/testing/api-contract";

/**
 * Playwright's `test` whose `request` fixture checks every answer of an /api/ route against the
 * OpenAPI document (lib/testing/api-contract.ts), like lib/testing/app-client.ts does: a spec that
 * imports `test` from here is a contract test too. Specs that send deliberately odd requests (other
 * methods, broken paths) keep Playwright's own.
 */

const METHODS = ["get", "post", "put", "patch", "delete", "head", "fetch"] as const;
type Method = (typeof METHODS)[number];

async function check(response: APIResponse, method: string): Promise<void> {
  const url = new URL(response.url());
  if (!url.pathname.startsWith("/api/")) return;
  const contentType = response.headers()["content-type"] ?? null;
  const isJson = contentType?.startsWith("application/json") ?? false;
  const text = isJson ? await response.text() : "";
  assertMatchesContract(
    method,
    url.pathname,
    response.status(),
    contentType,
    text ? JSON.parse(text) : undefined,
  );
}

function checked(request: APIRequestContext): APIRequestContext {
  return new Proxy(request, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (!METHODS.includes(property as Method) || typeof value !== "function") return value;
      return async (url: string, options?: { method?: string }) => {
        const response: APIResponse = await value.call(target, url, options);
        const method = property === "fetch" ? (options?.method ?? "GET") : String(property);
        await check(response, method);
        return response;
      };
    },
  });
}

export const test = base.extend({
  request: async ({ request }, provide) => {
    await provide(checked(request));
  },
});

export { expect } from "@playwright/test";
