import { providerName } from "@/lib/models/providers";
import type { ProviderDescriptor } from "../types";
import { createDashscopeProvider } from "./dashscope-provider";

export const dashscopeSettings: ProviderDescriptor<"dashscope"> = {
  id: "dashscope",
  name: providerName("dashscope"),
  env: { apiKey: "DASHSCOPE_API_KEY", baseUrl: "DASHSCOPE_BASE_URL" },
  defaultBaseUrl: "https://dashscope-intl.aliyuncs.com/api/v1",
  // Documented in docs/providers.md §4.3.
  imageHosts: [".aliyuncs.com"],
  // Synchronous in practice; only reached if the adapter ever returns a pending task.
  pollSchedule: { initialMs: 2_000, maxMs: 5_000 },
  // Input images inline as base64 data URIs: works with no public URL.
  inputTransport: "data-uri",
  create: createDashscopeProvider,
};
