import { providerName } from "@/lib/models/providers";
import type { ProviderDescriptor } from "../types";
import { createPixazoProvider } from "./pixazo-provider";

export const pixazoSettings: ProviderDescriptor<"pixazo"> = {
  id: "pixazo",
  name: providerName("pixazo"),
  env: { apiKey: "PIXAZO_API_KEY", baseUrl: "PIXAZO_BASE_URL" },
  defaultBaseUrl: "https://gateway.pixazo.ai",
  // Documented in docs/providers.md §3.5.
  imageHosts: [".pixazo.ai", ".r2.dev"],
  // No documented polling rate; this stays well inside its limits.
  pollSchedule: { initialMs: 3_000, maxMs: 5_000 },
  // Input images only by URL: the provider fetches them (providers-edit.md).
  inputTransport: "url",
  // docs/providers.md §3.5: follow the submit answer's polling_url while QUEUED or PROCESSING.
  codeExport: {
    handle: { field: ["polling_url"], as: "pollingUrl" },
    pendingWhile: { field: ["status"], values: ["QUEUED", "PROCESSING"] },
  },
  create: createPixazoProvider,
};
