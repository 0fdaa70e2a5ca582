import "server-only";
import type { CodeSnippetsView } from "@/lib/api/views";
import { publicUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { findModel } from "@/lib/models/catalog";
import type { ProviderId } from "@/lib/models/types";
import { providerDescriptor } from "@/lib/providers/descriptors";
import { providerSettings } from "@/lib/providers/registry";
import type { PollInput, ProviderDescriptor } from "@/lib/providers/types";
import { captureRequest, type CapturedRequest } from "./capture-request";
import { toTemplate, type CodeScript, type ScriptRequest, type ScriptVariable } from "./code-script";
import { renderSnippets } from "./render-snippets";

/** What a job's snippet is made from: the fields of a job row the adapter reads. */
export interface CodeJob {
  id: string;
  providerId: ProviderId;
  modelId: string;
  prompt: string;
  /** As stored, with the seed it sent. */
  params: Record<string, unknown>;
  seed: number | null;
  /** How many input images its run carries (the model takes the first of them it can). */
  inputCount?: number;
}

/**
 * The inputs as a snippet names them: files the reader has (input-1.png, the run's first input,
 * downloaded from Prism or their own copy), never a Prism URL, which is signed, expiring and
 * private. A data-URI provider gets a placeholder for the file's base64; a URL provider one for
 * where the reader puts the file.
 */
export function inputPlaceholders(transport: "data-uri" | "url", count: number): string[] {
  return Array.from({ length: count }, (_, index) =>
    transport === "data-uri"
      ? `data:image/png;base64,<input-${index + 1}.png as base64>`
      : `https://example.com/input-${index + 1}.png`,
  );
}

function inputNotes(transport: "data-uri" | "url", count: number): string[] {
  if (count === 0) return [];
  const files = count === 1 ? "input-1.png" : `input-1.png … input-${count}.png`;
  return transport === "data-uri"
    ? [`Input images: ${files}, your copies of the run's inputs, inline as base64 (base64 -w0 input-1.png).`]
    : [
        `Input images: ${files}, your copies of the run's inputs, at a URL the provider can fetch (replace example.com).`,
      ];
}

// Stand-ins the adapter is given instead of the key and the poll handle; the snippet puts variables there.
const KEY_TOKEN = "PRISM-CODE-EXPORT-KEY";
const JOB_ID_TOKEN = "PRISM-CODE-EXPORT-JOB-ID";
const POLLING_PATH_TOKEN = "/PRISM-CODE-EXPORT-POLLING-URL";

async function captured(
  descriptor: ProviderDescriptor,
  baseUrl: string,
  call: Parameters<typeof captureRequest>[2],
): Promise<CapturedRequest> {
  const result = await captureRequest(descriptor, { apiKey: KEY_TOKEN, baseUrl }, call);
  if (!result.request) {
    throw new AppError("conflict", `This job's request cannot be rebuilt: ${result.reason}`);
  }
  return result.request;
}

function scriptRequest(
  request: CapturedRequest,
  tokens: ReadonlyMap<string, ScriptVariable>,
  rest: Omit<ScriptRequest, "method" | "url" | "headers" | "body">,
): ScriptRequest {
  return {
    ...rest,
    method: request.method,
    url: toTemplate(request.url, tokens),
    headers: request.headers.map(([name, value]) => [name, toTemplate(value, tokens)] as const),
    body: request.body,
  };
}

function introOf(job: CodeJob, descriptor: ProviderDescriptor, notes: string[]): string[] {
  const model = findModel(job.modelId)?.name ?? job.modelId;
  return [
    `${descriptor.name} · ${model}: the request Prism sends for job ${job.id}.`,
    ...(job.seed === null
      ? []
      : [`Seed ${job.seed}, the one Prism sent, so the same settings draw the same image.`]),
    `The key comes from ${descriptor.env.apiKey}; it is never part of this code.`,
    ...notes,
  ];
}

/**
 * The job's native request as a script: the submit call its provider's adapter builds from the
 * job's prompt and params and, for an asynchronous provider, the poll call it repeats until the job
 * is done. `baseUrl` is the API root to show (the provider's public one; see jobCodeBaseUrl).
 */
export async function jobCodeScript(
  job: CodeJob,
  baseUrl: string,
  notes: string[] = [],
): Promise<CodeScript> {
  const descriptor = providerDescriptor(job.providerId);
  const recipe = descriptor.codeExport;
  const handleVariable = recipe?.handle.as === "pollingUrl" ? "POLL_URL" : "JOB_ID";
  const pollingUrlToken = `${baseUrl}${POLLING_PATH_TOKEN}`;
  const tokens = new Map<string, ScriptVariable>([
    [KEY_TOKEN, { env: descriptor.env.apiKey }],
    [recipe?.handle.as === "pollingUrl" ? pollingUrlToken : JOB_ID_TOKEN, { saved: handleVariable }],
  ]);
  const inputCount = Math.min(job.inputCount ?? 0, findModel(job.modelId)?.inputImages.max ?? 0);
  const inputImages = inputPlaceholders(descriptor.inputTransport, inputCount);
  const submit = await captured(descriptor, baseUrl, (provider) =>
    provider.submit({ modelId: job.modelId, prompt: job.prompt, params: job.params, inputImages }),
  );
  const requests: ScriptRequest[] = [];
  if (!recipe) {
    requests.push(scriptRequest(submit, tokens, { comment: ["Generate: the answer holds the image URLs."] }));
  } else {
    requests.push(
      scriptRequest(submit, tokens, {
        comment: ["Submit the job."],
        save: { variable: handleVariable, field: recipe.handle.field },
      }),
    );
    const pollInput: PollInput = { modelId: job.modelId, providerJobId: JOB_ID_TOKEN };
    if (recipe.handle.as === "pollingUrl") pollInput.pollingUrl = pollingUrlToken;
    const poll = await captured(descriptor, baseUrl, (provider) => provider.poll(pollInput));
    requests.push(
      scriptRequest(poll, tokens, {
        comment: [
          `Poll until it is done: the last answer holds the image URLs (download them soon, they expire).`,
        ],
        repeatWhile: {
          ...recipe.pendingWhile,
          intervalSeconds: Math.ceil(descriptor.pollSchedule.initialMs / 1000),
        },
      }),
    );
  }
  const intro = introOf(job, descriptor, [...notes, ...inputNotes(descriptor.inputTransport, inputCount)]);
  return { intro, env: [descriptor.env.apiKey], requests };
}

/**
 * The API root a snippet names and what to say about it. The root Prism really calls, except the
 * simulator's: a snippet is for running against the real provider, so it gets the documented one.
 */
export function jobCodeBaseUrl(providerId: ProviderId): { baseUrl: string; notes: string[] } {
  const descriptor = providerDescriptor(providerId);
  const settings = providerSettings(providerId);
  const notes = settings.simulated
    ? [`Prism runs on its provider simulator; this is ${descriptor.name}'s real API, which bills the key.`]
    : [];
  if (descriptor.codeExport && publicUrl()) {
    notes.push("Prism also sends its own callback URL, which only wakes Prism; it is left out here.");
  }
  return { baseUrl: settings.simulated ? descriptor.defaultBaseUrl : settings.baseUrl, notes };
}

/** GET /api/jobs/:id/code. */
export async function jobCodeSnippets(job: CodeJob): Promise<CodeSnippetsView> {
  const { baseUrl, notes } = jobCodeBaseUrl(job.providerId);
  return renderSnippets(await jobCodeScript(job, baseUrl, notes));
}
