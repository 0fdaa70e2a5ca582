/**
 * The OpenAPI document, out of the code: `write <file>` writes it (for the lint), `types` regenerates
 * lib/api/openapi-types.ts, the typed client's paths (lib/api/openapi.test.ts fails while it is stale).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openApiDocument } from "@/lib/api/openapi/document";
import { OPENAPI_TYPES_FILE, openApiTypes } from "./openapi-types";

const [command, file] = process.argv.slice(2);
if (command === "write" && file) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
} else if (command === "types") {
  writeFileSync(OPENAPI_TYPES_FILE, await openApiTypes());
} else {
  console.error("usage: tsx scripts/openapi.ts write <file> | types");
  process.exit(2);
}
