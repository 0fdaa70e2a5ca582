import { readFileSync } from "node:fs";
import { format, resolveConfig } from "prettier";
import { describe, expect, it } from "vitest";
import { OPENAPI_TYPES_FILE, openApiTypes } from "./openapi-types";

describe("lib/api/openapi-types.ts", () => {
  it("is what openapi-typescript makes of the document now (else: npm run openapi:types)", async () => {
    const options = await resolveConfig(OPENAPI_TYPES_FILE);
    const fresh = await format(await openApiTypes(), { ...options, filepath: OPENAPI_TYPES_FILE });
    expect(readFileSync(OPENAPI_TYPES_FILE, "utf8")).toBe(fresh);
  });
});
