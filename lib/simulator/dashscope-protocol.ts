import { createHash, randomUUID } from "node:crypto";
import { parseStarSize } from "@/lib/models/sizes";
import type { SimulatorContext } from "./context";
import { dashscopeModel, type DashscopeModel } from "./dashscope-models";
import { header, isPlainObject, jsonReply, type Reply, type SimRequest, sleep } from "./http-utils";
import type { ImageSpec } from "./image-render";
import { readInputImage, sizeLike, inputReading } from "./input-images";
import type { JobOutcome } from "./outcomes";
import type { ProviderProtocol } from "./provider-server";
import { syncLatencyMs } from "./settings";
import { findProblem } from "./validate";

/**
 * Alibaba DashScope (docs/providers.md §4): one synchronous POST returns the image, the same way for
 * every model; what each model accepts is in dashscope-models.ts.
 */

const GENERATION_PATH = "/api/v1/services/aigc/multimodal-generation/generation";

const ERROR_CODES: Record<number, [code: string, message: string]> = {
  400: ["InvalidParameter", "The request parameter is invalid."],
  401: ["InvalidApiKey", "Invalid API-key provided."],
  403: ["AccessDenied", "Access denied."],
  404: ["ModelNotFound", "Model not found."],
  408: ["RequestTimeOut", "Request timed out, please try again later."],
  429: ["Throttling.RateQuota", "Requests rate limit exceeded, please try again later."],
  500: [
    "InternalError",
    "An internal error has occurred, please try again later or contact service support.",
  ],
  503: ["ServiceUnavailable", "The service is temporarily unavailable, please try again later."],
};

const FAILURES: Record<Exclude<JobOutcome, "success">, [status: number, code: string, message: string]> = {
  content_policy: [400, "DataInspectionFailed", "Input data may contain inappropriate content."],
  error: [
    500,
    "InternalError",
    "An internal error has occurred, please try again later or contact service support.",
  ],
  failed: [500, "InternalError.Algo", "An algorithm error occurred while generating the image."],
};

function dashscopeError(status: number, code: string, message: string): Reply {
  return jsonReply(status, { request_id: randomUUID(), code, message });
}

const invalid = (message: string) => dashscopeError(400, "InvalidParameter", message);

interface Message {
  prompt: string;
  /** The input images (URLs or data URIs), in order. */
  images: string[];
}

const isItem = (item: unknown, key: "image" | "text"): item is Record<typeof key, string> =>
  isPlainObject(item) && typeof item[key] === "string" && Object.keys(item).length === 1;

/** The single user message: the model's input images, then one text item; or the refusal to send. */
function readMessage(input: unknown, model: DashscopeModel): Message | Reply {
  if (!isPlainObject(input)) {
    return dashscopeError(400, "BadRequest.EmptyInput", "Required input parameter missing from request.");
  }
  const messages = input.messages;
  if (!Array.isArray(messages) || messages.length !== 1)
    return invalid("input.messages must hold exactly one message.");
  const [message] = messages as unknown[];
  if (!isPlainObject(message) || message.role !== "user")
    return invalid("input.messages[0].role must be user.");
  const content = message.content;
  if (!Array.isArray(content) || content.length === 0) return invalid("input.messages[0].content is empty.");
  const items = content as unknown[];
  const text = items.at(-1);
  const images = items.slice(0, -1);
  if (model.images.max === 0 && items.some((item) => isPlainObject(item) && "image" in item)) {
    return invalid(
      "input.messages[0].content must hold exactly one text item; image input is not supported.",
    );
  }
  if (!isItem(text, "text") || !images.every((item) => isItem(item, "image"))) {
    return invalid("input.messages[0].content must be {image} items followed by one {text} item.");
  }
  if (images.length < model.images.min || images.length > model.images.max) {
    return invalid(`The number of input images must be between ${model.images.min} and ${model.images.max}.`);
  }
  if (text.text.trim() === "" || text.text.length > model.promptMax) {
    return invalid(`Range of input length should be [1, ${model.promptMax}].`);
  }
  return { prompt: text.text, images: images.map((item) => (item as { image: string }).image) };
}

/** An OSS-style signed URL for a new image, as DashScope returns them (docs/providers.md §4.3). */
function signedImageUrl(context: SimulatorContext, spec: ImageSpec): string {
  const { url, expiresAt } = context.images.issue(context.origins.dashscope, spec);
  const query = new URLSearchParams({
    Expires: String(Math.floor(expiresAt / 1000)),
    OSSAccessKeyId: "LTAI5tSimulatorKey",
    Signature: createHash("sha1").update(url).digest("base64"),
  });
  return `${url}?${query}`;
}

export function createDashscopeProtocol(context: SimulatorContext): ProviderProtocol {
  async function generate(request: SimRequest): Promise<Reply> {
    if (header(request.headers, "x-dashscope-async")?.toLowerCase() === "enable") {
      return dashscopeError(403, "AccessDenied", "current user api does not support asynchronous calls");
    }
    const body = request.json;
    if (request.jsonError || !isPlainObject(body)) return invalid("Request body must be a JSON object.");
    if (body.model === undefined || body.model === "") {
      return dashscopeError(400, "BadRequest.EmptyModel", 'Required parameter "model" missing from request.');
    }
    const model = dashscopeModel(body.model);
    if (!model) return invalid("Model not exist.");
    const message = readMessage(body.input, model);
    if (!("prompt" in message)) return message;
    const { prompt } = message;
    const parameters = body.parameters ?? {};
    if (!isPlainObject(parameters)) return invalid("parameters must be an object.");
    const problem = findProblem(parameters, model.rules);
    if (problem) return invalid(problem);

    // Like the real service, every input is fetched (or decoded) before anything is generated.
    const inputs = await Promise.all(
      message.images.map((image) => readInputImage(image, inputReading(context))),
    );
    const refused = inputs.findIndex((input) => !input.ok);
    const refusedInput = inputs[refused];
    if (refusedInput && !refusedInput.ok) {
      return invalid(`input.messages[0].content[${refused}].image ${refusedInput.reason}.`);
    }
    // The output follows the last input (docs/providers-edit.md §3).
    const lastInput = inputs.at(-1);
    const source = lastInput?.ok ? lastInput : undefined;

    const outcome = context.outcomes.next("dashscope", prompt);
    await sleep(syncLatencyMs(context.settings), context.signal);
    if (outcome !== "success") return dashscopeError(...FAILURES[outcome]);

    const sizeText = typeof parameters.size === "string" ? parameters.size : model.defaultSize;
    const size =
      (sizeText && parseStarSize(sizeText)) || (source ? sizeLike(source) : { width: 1024, height: 1024 });
    // Models that take `n` make that many; the others one.
    const count = typeof parameters.n === "number" ? parameters.n : 1;
    const content: Record<string, string>[] = Array.from({ length: count }, (_, index) => ({
      image: signedImageUrl(context, {
        model: String(body.model),
        label: model.label,
        prompt,
        index,
        format: "png",
        ...size,
        ...(source ? { input: source.thumbnail } : {}),
      }),
    }));
    if (parameters.prompt_extend === true) {
      content.push({ text: `${prompt}. Rendered in rich detail, balanced composition, soft natural light.` });
    }
    return jsonReply(200, {
      output: {
        choices: [{ finish_reason: "stop", message: { role: "assistant", content, reasoning_content: "" } }],
      },
      usage: { ...size, image_count: count, input_tokens: 0, output_tokens: 0, total_tokens: 0 },
      request_id: randomUUID(),
    });
  }

  return {
    provider: "dashscope",
    route(request) {
      if (request.method === "POST" && request.url.pathname === GENERATION_PATH)
        return { kind: "submit", handle: generate };
      return undefined;
    },
    notFound: (request) =>
      dashscopeError(404, "InvalidURL", `No API matches ${request.method} ${request.url.pathname}.`),
    authenticate(request) {
      const bearer = header(request.headers, "authorization");
      const key = bearer
        ? /^Bearer\s+(\S+)$/i.exec(bearer)?.[1]
        : header(request.headers, "x-dashscope-apikey");
      if (!bearer && !key) return "missing";
      return context.keyAccepted(key) ? "ok" : "invalid";
    },
    unauthorized: (result) =>
      dashscopeError(
        401,
        "InvalidApiKey",
        result === "missing" ? "No API-key provided." : "Invalid API-key provided.",
      ),
    errorReply(status) {
      const [code, message] = ERROR_CODES[status] ?? ["InternalError", "An internal error has occurred."];
      return dashscopeError(status, code, message);
    },
  };
}
