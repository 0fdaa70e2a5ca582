import { randomBytes } from "node:crypto";
import { STATUS_CODES } from "node:http";
import { PIXAZO_STATUS_PREFIX, PIXAZO_SUBMIT_PATHS, type PixazoModelId } from "@/lib/providers/pixazo/wire";
import type { SimulatorContext } from "./context";
import { header, isHttpUrl, isPlainObject, jsonReply, type Reply, type SimRequest } from "./http-utils";
import type { ImageSpec } from "./image-render";
import { readJobInputs, inputReading } from "./input-images";
import { type AsyncProtocol, JobTimeline } from "./job-timeline";
import type { SimJob } from "./saved-state";
import type { JobOutcome } from "./outcomes";
import { PIXAZO_MODELS as MODELS, type PixazoModel } from "./pixazo-models";

/** pixazo.ai gateway (docs/providers.md §3): 202 submit, universal v2 status, optional X-Webhook-URL. */

const TERMINAL: Record<JobOutcome, { status: "COMPLETED" | "FAILED" | "ERROR"; error: string | null }> = {
  success: { status: "COMPLETED", error: null },
  content_policy: {
    status: "FAILED",
    error: "Content flagged by the safety checker: it violates the content policy.",
  },
  failed: { status: "FAILED", error: "Image generation failed." },
  error: { status: "ERROR", error: "Internal error: the inference backend did not respond." },
};

const APIM_MESSAGES = {
  missing:
    "Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.",
  invalid:
    "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.",
};

const ERROR_BODIES: Record<number, { error: string; message: string }> = {
  400: { error: "Bad Request", message: "The request is invalid." },
  402: { error: "Insufficient Balance", message: "Your wallet does not have enough balance." },
  403: { error: "Forbidden", message: "You do not have access to this API." },
  404: { error: "Not Found", message: "Resource not found." },
  500: { error: "Internal Server Error", message: "An unexpected error occurred. Please try again." },
};

/** Time-ordered UUID like pixazo's (ids start with 019d…, i.e. UUIDv7). */
function uuidV7(): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(Date.now(), 0, 6);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x70, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function statusBody(job: SimJob) {
  const terminal = job.phase === "done" ? TERMINAL[job.outcome] : undefined;
  return {
    request_id: job.id,
    status: terminal?.status ?? (job.phase === "queued" ? "QUEUED" : "PROCESSING"),
    model_id: job.modelId,
    error: terminal ? (job.failure ?? terminal.error) : null,
    output:
      terminal?.status === "COMPLETED"
        ? { media_url: job.imageUrls, media_type: "application/octet-stream" }
        : null,
    created_at: job.createdAt.toISOString(),
    updated_at: job.updatedAt.toISOString(),
    completed_at: job.completedAt?.toISOString() ?? null,
  };
}

function badRequest(message: string): Reply {
  return jsonReply(400, { error: "Bad Request", message });
}

export function createPixazoProtocol(context: SimulatorContext): AsyncProtocol {
  function finish(job: SimJob): void {
    const model = Object.hasOwn(MODELS, job.modelId) ? MODELS[job.modelId as PixazoModelId] : undefined;
    if (job.outcome === "success" && model) {
      const { count, format, ...size } = model.output(job.params, job.input);
      const read = model.read(job.params);
      job.imageUrls = Array.from({ length: count }, (_, index) => {
        const spec: ImageSpec = {
          model: job.modelId,
          label: model.label,
          prompt: typeof read === "string" ? "" : read.prompt,
          index,
          format,
          ...size,
          ...(job.input ? { input: job.input.thumbnail } : {}),
        };
        // R2 serves these as application/octet-stream (§3.5), so adapters must sniff the bytes.
        return context.images.issue(context.origins.pixazo, spec, { contentType: "application/octet-stream" })
          .url;
      });
    }
  }

  const timeline = new JobTimeline(context, {
    finish,
    report: statusBody,
    resumable: (job) => Object.hasOwn(MODELS, job.modelId),
  });

  function submit(modelId: string, model: PixazoModel) {
    return async (request: SimRequest): Promise<Reply> => {
      const body = request.json;
      if (request.jsonError || !isPlainObject(body)) return badRequest("Request body must be a JSON object.");
      const read = model.read(body);
      if (typeof read === "string") return badRequest(read);
      const webhookUrl = header(request.headers, "x-webhook-url");
      if (webhookUrl !== undefined && !isHttpUrl(webhookUrl))
        return badRequest("X-Webhook-URL must be an http(s) URL.");
      // An edit's images are fetched now, as the gateway would; one it cannot read fails the job.
      const { input, failure } = await readJobInputs(read.images, inputReading(context));
      const now = new Date();
      const job: SimJob = {
        id: `${modelId}_${uuidV7()}`,
        phase: "queued",
        outcome: failure ? "failed" : context.outcomes.next("pixazo", read.prompt),
        ...(input ? { input } : {}),
        ...(failure ? { failure } : {}),
        createdAt: now,
        updatedAt: now,
        completedAt: null,
        modelId,
        params: body,
        imageUrls: [],
        callbackUrl: webhookUrl,
        callbackSettled: false,
      };
      timeline.start(job);
      return jsonReply(202, {
        request_id: job.id,
        status: "QUEUED",
        polling_url: `${context.origins.pixazo}${PIXAZO_STATUS_PREFIX}${job.id}`,
      });
    };
  }

  function status(request: SimRequest): Reply {
    const id = decodeURIComponent(request.url.pathname.slice(PIXAZO_STATUS_PREFIX.length));
    const job = timeline.get(id);
    if (!job) return jsonReply(404, { error: "Not Found", message: `Request '${id}' not found.` });
    return jsonReply(200, statusBody(job));
  }

  return {
    provider: "pixazo",
    jobs: timeline,
    route(request) {
      const { pathname } = request.url;
      if (
        request.method === "GET" &&
        pathname.startsWith(PIXAZO_STATUS_PREFIX) &&
        pathname.length > PIXAZO_STATUS_PREFIX.length
      ) {
        return { kind: "poll", handle: status };
      }
      if (request.method !== "POST") return undefined;
      for (const [modelId, model] of Object.entries(MODELS)) {
        if (pathname === PIXAZO_SUBMIT_PATHS[modelId as PixazoModelId])
          return { kind: "submit", handle: submit(modelId, model) };
      }
      return undefined;
    },
    // Azure APIM's own answer for an operation it does not know.
    notFound: () => jsonReply(404, { statusCode: 404, message: "Resource not found" }),
    authenticate(request) {
      const key = header(request.headers, "ocp-apim-subscription-key");
      if (!key) return "missing";
      return context.keyAccepted(key) ? "ok" : "invalid";
    },
    unauthorized: (result) => jsonReply(401, { statusCode: 401, message: APIM_MESSAGES[result] }),
    errorReply(status, retryAfterSeconds) {
      if (status === 401) return jsonReply(401, { statusCode: 401, message: APIM_MESSAGES.invalid });
      if (status === 429) {
        const wait = retryAfterSeconds === undefined ? "later" : `in ${Math.ceil(retryAfterSeconds)} seconds`;
        return jsonReply(429, { statusCode: 429, message: `Rate limit is exceeded. Try again ${wait}.` });
      }
      const fallback = {
        error: STATUS_CODES[status] ?? "Error",
        message: "The gateway could not complete the request.",
      };
      return jsonReply(status, ERROR_BODIES[status] ?? fallback);
    },
  };
}
