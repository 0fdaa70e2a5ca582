import { providerName } from "@/lib/models/providers";
import type { ProviderDescriptor } from "../types";
import { createShortapiProvider } from "./shortapi-provider";

export const shortapiSettings: ProviderDescriptor<"shortapi"> = {
  id: "shortapi",
  name: providerName("shortapi"),
  env: { apiKey: "SHORTAPI_KEY", baseUrl: "SHORTAPI_BASE_URL" },
  defaultBaseUrl: "https://api.shortapi.ai",
  // None documented (docs/providers.md §2): a best guess at its CDNs, to confirm against real traffic.
  imageHosts: [".shortapi.ai", ".r2.dev", ".cloudfront.net", ".amazonaws.com", ".googleapis.com"],
  // No documented polling rate; this stays well inside its limits.
  pollSchedule: { initialMs: 2_000, maxMs: 5_000 },
  // Input images only by URL: the provider fetches them (providers-edit.md).
  inputTransport: "url",
  // docs/providers.md §2.5–2.6: data.job_id, then data.status 0 (queued) and 1 (running).
  codeExport: {
    handle: { field: ["data", "job_id"], as: "providerJobId" },
    pendingWhile: { field: ["data", "status"], values: [0, 1] },
  },
  create: createShortapiProvider,
};
