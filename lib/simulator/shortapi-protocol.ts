import { randomBytes } from "node:crypto";
import type { SimulatorContext } from "./context";
import { header, isHttpUrl, isPlainObject, jsonReply, type Reply, type SimRequest } from "./http-utils";
import type { ImageSpec } from "./image-render";
import { type AsyncProtocol, JobTimeline } from "./job-timeline";
import type { SimJob } from "./saved-state";
import type { JobOutcome } from "./outcomes";
import { readJobInputs, inputReading } from "./input-images";
import { SHORTAPI_MODELS as MODELS } from "./shortapi-models";
import { findProblem } from "./validate";

/** shortapi.ai job API (docs/providers.md §2): create, then poll /job/query or receive callback_url. */

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
        ? { error: job.failure ?? FAILURE_MESSAGES[job.outcome], refunded: true }
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
      const { width, height } = model.size(args, job.input);
      job.imageUrls = Array.from({ length: model.imageCount(args) }, (_, index) => {
        const spec: ImageSpec = {
          model: job.modelId,
          label: model.label(args),
          prompt: String(args.prompt),
          index,
          width,
          height,
          format: "png",
          ...(job.input ? { input: job.input.thumbnail } : {}),
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

  async function create(request: SimRequest): Promise<Reply> {
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
    // An edit's images are fetched now, as the provider would; one it cannot read fails the job.
    const { input, failure } = await readJobInputs(model.inputs?.(body.args) ?? [], inputReading(context));
    const now = new Date();
    const job: SimJob = {
      id: randomBytes(12).toString("hex"),
      phase: "queued",
      outcome: failure ? "failed" : context.outcomes.next("shortapi", String(body.args.prompt)),
      ...(input ? { input } : {}),
      ...(failure ? { failure } : {}),
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
