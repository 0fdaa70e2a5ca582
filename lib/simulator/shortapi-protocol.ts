import { randomBytes } from "node:crypto";
import { fluxSize, type PixelSize, Z_IMAGE_SIZES } from "@/lib/models/sizes";
import { ASPECT_RATIOS, type AspectRatio } from "@/lib/models/types";
import type { SimulatorContext } from "./context";
import { header, isHttpUrl, isPlainObject, jsonReply, type Reply, type SimRequest } from "./http-utils";
import type { ImageSpec } from "./image-render";
import { type AsyncProtocol, JobTimeline } from "./job-timeline";
import type { SimJob } from "./saved-state";
import type { JobOutcome } from "./outcomes";
import { boolean, countOf, type FieldRules, findProblem, oneOf, text } from "./validate";

/** shortapi.ai job API (docs/providers.md §2): create, then poll /job/query or receive callback_url. */

interface ShortapiModel {
  label(args: Record<string, unknown>): string;
  rules: FieldRules;
  imageCount(args: Record<string, unknown>): number;
  size(args: Record<string, unknown>): PixelSize;
  /**
   * Provider-side price (§2.10), deliberately not read from our catalog so a wrong estimate
   * there shows up as a difference from `amount`.
   */
  priceUsd(args: Record<string, unknown>): number;
}

const GPT_IMAGE_SIZES = ["1024x1024", "1536x1024", "1024x1536", "auto"];

function zImageSize(args: Record<string, unknown>): PixelSize {
  return Z_IMAGE_SIZES[args.resolution === "1.5K" ? "1280" : "1024"][args.aspect_ratio as AspectRatio];
}

const count = (args: Record<string, unknown>) => Number(args.num_images ?? 1);

const MODELS: Record<string, ShortapiModel> = {
  "shortapi/z-image/text-to-image": {
    label: () => "Z-Image · shortapi",
    rules: {
      prompt: { required: true, check: text },
      aspect_ratio: { required: true, check: oneOf(ASPECT_RATIOS) },
      num_images: { check: countOf([1, 2, 3, 4]) },
      resolution: { check: oneOf(["1K", "1.5K"]) },
      enable_nsfw: { check: boolean },
    },
    imageCount: count,
    size: zImageSize,
    priceUsd(args) {
      const { width, height } = zImageSize(args);
      return 0.004 * ((width * height) / 1_000_000) * count(args);
    },
  },
  "shortapi/flux-1.0/text-to-image": {
    label: (args) => `FLUX.1 ${args.performance === "schnell" ? "schnell" : "dev"}`,
    rules: {
      prompt: { required: true, check: text },
      aspect_ratio: { required: true, check: oneOf(ASPECT_RATIOS) },
      num_images: { check: countOf([1, 2, 4, 8]) },
      performance: { check: oneOf(["schnell", "dev"]) },
    },
    imageCount: count,
    size: (args) => fluxSize(args.aspect_ratio as AspectRatio),
    priceUsd: (args) => (args.performance === "schnell" ? 0.002 : 0.02),
  },
  "openai/gpt-image-2/text-to-image": {
    label: () => "GPT Image 2",
    rules: {
      prompt: { required: true, check: text },
      size: { check: oneOf(GPT_IMAGE_SIZES) },
    },
    imageCount: () => 1,
    size(args) {
      const [width = 1024, height = 1024] =
        typeof args.size === "string" && args.size !== "auto" ? args.size.split("x").map(Number) : [];
      return { width, height };
    },
    priceUsd: () => 0.06,
  },
};

const FAILURE_MESSAGES: Record<Exclude<JobOutcome, "success">, string> = {
  content_policy:
    "content policy violation: the prompt or the generated image was flagged by the safety system",
  error: "internal error: the generation backend did not respond",
  failed: "generation failed",
};

const STATUS_MESSAGES: Record<number, string> = {
  400: "bad request",
  401: "Unauthorized",
  402: "insufficient balance",
  403: "forbidden",
  404: "job not found",
  429: "too many requests",
  500: "internal server error",
  502: "bad gateway",
  503: "service unavailable",
};

function statusCode(job: SimJob): 0 | 1 | 2 | 3 {
  if (job.phase === "queued") return 0;
  if (job.phase === "running") return 1;
  return job.outcome === "success" ? 2 : 3;
}

function queryBody(job: SimJob) {
  const status = statusCode(job);
  return {
    code: 0,
    data: {
      job_id: job.id,
      status,
      result: status === 2 ? { images: job.imageUrls.map((url) => ({ url })) } : null,
      ...(job.outcome !== "success" && status === 3
        ? { error: FAILURE_MESSAGES[job.outcome], refunded: true }
        : {}),
    },
  };
}

/** Enough digits for a fraction of a cent, without float noise like 0.0041943040000000004. */
function formatAmount(usd: number): string {
  return String(Number(usd.toFixed(6)));
}

export function createShortapiProtocol(context: SimulatorContext): AsyncProtocol {
  /** §2.8: refusals come as HTTP 4xx or as HTTP 200 with a non-zero code, per the scenario. */
  function refuse(status: number, body: Record<string, unknown>): Reply {
    return jsonReply(context.settings.shortapiErrors === "envelope" ? 200 : status, {
      code: status,
      ...body,
    });
  }

  function finish(job: SimJob): void {
    const model = MODELS[job.modelId];
    if (job.outcome === "success" && model) {
      const args = job.params;
      const { width, height } = model.size(args);
      job.imageUrls = Array.from({ length: model.imageCount(args) }, (_, index) => {
        const spec: ImageSpec = {
          model: job.modelId,
          label: model.label(args),
          prompt: String(args.prompt),
          index,
          width,
          height,
          format: "png",
        };
        return context.images.issue(context.origins.shortapi, spec).url;
      });
    }
  }

  const timeline = new JobTimeline(context, {
    finish,
    report: queryBody,
    resumable: (job) => Object.hasOwn(MODELS, job.modelId),
  });

  function create(request: SimRequest): Reply {
    const body = request.json;
    if (request.jsonError || !isPlainObject(body))
      return refuse(400, { message: "request body must be a JSON object" });
    const model = typeof body.model === "string" ? MODELS[body.model] : undefined;
    if (!model) return refuse(400, { info: `invalid model: ${String(body.model)}` });
    if (!isPlainObject(body.args)) return refuse(400, { message: "args is required" });
    const problem = findProblem(body.args, model.rules);
    if (problem) return refuse(400, { message: problem });
    if (body.callback_url !== undefined && !isHttpUrl(body.callback_url)) {
      return refuse(400, { message: "callback_url must be an http(s) URL" });
    }
    const now = new Date();
    const job: SimJob = {
      id: randomBytes(12).toString("hex"),
      phase: "queued",
      outcome: context.outcomes.next("shortapi", String(body.args.prompt)),
      createdAt: now,
      updatedAt: now,
      completedAt: null,
      modelId: String(body.model),
      params: body.args,
      imageUrls: [],
      callbackUrl: body.callback_url,
      callbackSettled: false,
    };
    timeline.start(job);
    return jsonReply(200, {
      code: 0,
      data: { amount: formatAmount(model.priceUsd(body.args)), job_id: job.id },
    });
  }

  function query(request: SimRequest): Reply {
    const id = request.url.searchParams.get("id");
    if (!id) return refuse(400, { message: "id is required" });
    const job = timeline.get(id);
    if (!job) return refuse(404, { message: "job not found" });
    return jsonReply(200, queryBody(job));
  }

  return {
    provider: "shortapi",
    jobs: timeline,
    route(request) {
      const { pathname } = request.url;
      if (request.method === "POST" && pathname === "/api/v1/job/create")
        return { kind: "submit", handle: create };
      if (request.method === "GET" && pathname === "/api/v1/job/query")
        return { kind: "poll", handle: query };
      return undefined;
    },
    notFound: () => jsonReply(404, { code: 404, message: "not found" }),
    authenticate(request) {
      const authorization = header(request.headers, "authorization");
      if (!authorization) return "missing";
      const key = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      return context.keyAccepted(key) ? "ok" : "invalid";
    },
    unauthorized: () => jsonReply(401, { code: 401, message: "Unauthorized" }),
    errorReply: (status) => jsonReply(status, { code: status, message: STATUS_MESSAGES[status] ?? "error" }),
  };
}
