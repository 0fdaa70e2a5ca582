import { createHash, randomUUID } from "node:crypto";
import { parseStarSize } from "@/lib/models/sizes";
import type { SimulatorContext } from "./context";
import { header, isPlainObject, jsonReply, type Reply, type SimRequest, sleep } from "./http-utils";
import type { JobOutcome } from "./outcomes";
import type { ProviderProtocol } from "./provider-server";
import { syncLatencyMs } from "./settings";
import { boolean, type FieldCheck, findProblem, integer } from "./validate";

/** Alibaba DashScope z-image-turbo (docs/providers.md §4): one synchronous POST returns the image. */

const GENERATION_PATH = "/api/v1/services/aigc/multimodal-generation/generation";
const MODEL = "z-image-turbo";
const PROMPT_MAX = 800;
const MIN_PIXELS = 512 * 512;
const MAX_PIXELS = 2048 * 2048;
const MAX_SIDE = 2048;
// The mirrors' default (docs/providers.md Q18); adapters should always send size.
const DEFAULT_SIZE = "1024*1536";

const starSize: FieldCheck = (value) => {
  const size = typeof value === "string" ? parseStarSize(value) : null;
  if (!size) return "must look like width*height, e.g. 1024*1024";
  const pixels = size.width * size.height;
  if (size.width > MAX_SIDE || size.height > MAX_SIDE || pixels < MIN_PIXELS || pixels > MAX_PIXELS) {
    return "is out of range [512*512, 2048*2048] (each side at most 2048)";
  }
  return undefined;
};

const PARAMETER_RULES = {
  size: { check: starSize },
  prompt_extend: { check: boolean },
  seed: { check: integer(0, 2_147_483_647) },
};

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

/** The prompt from the single user message's single text item, or the refusal to send. */
function readPrompt(input: unknown): string | Reply {
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
  if (!Array.isArray(content) || content.length !== 1) {
    return invalid(
      "input.messages[0].content must hold exactly one text item; image input is not supported.",
    );
  }
  const [item] = content as unknown[];
  if (!isPlainObject(item) || typeof item.text !== "string" || Object.keys(item).length !== 1) {
    return invalid("input.messages[0].content[0] must be a {text} item.");
  }
  if (item.text.trim() === "" || item.text.length > PROMPT_MAX) {
    return invalid(`Range of input length should be [1, ${PROMPT_MAX}].`);
  }
  return item.text;
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
    if (body.model !== MODEL) return invalid("Model not exist.");
    const prompt = readPrompt(body.input);
    if (typeof prompt !== "string") return prompt;
    const parameters = body.parameters ?? {};
    if (!isPlainObject(parameters)) return invalid("parameters must be an object.");
    const problem = findProblem(parameters, PARAMETER_RULES);
    if (problem) return invalid(problem);

    const outcome = context.outcomes.next("dashscope", prompt);
    await sleep(syncLatencyMs(context.settings), context.signal);
    if (outcome !== "success") return dashscopeError(...FAILURES[outcome]);

    const sizeText = typeof parameters.size === "string" ? parameters.size : DEFAULT_SIZE;
    const size = parseStarSize(sizeText) ?? { width: 1024, height: 1536 };
    const spec = {
      model: MODEL,
      label: "Z-Image Turbo · DashScope",
      prompt,
      index: 0,
      format: "png" as const,
      ...size,
    };
    const { url, expiresAt } = context.images.issue(context.origins.dashscope, spec);
    const signature = createHash("sha1").update(url).digest("base64");
    const query = new URLSearchParams({
      Expires: String(Math.floor(expiresAt / 1000)),
      OSSAccessKeyId: "LTAI5tSimulatorKey",
      Signature: signature,
    });
    const signedUrl = `${url}?${query}`;
    const content: Record<string, string>[] = [{ image: signedUrl }];
    if (parameters.prompt_extend === true) {
      content.push({ text: `${prompt}. Rendered in rich detail, balanced composition, soft natural light.` });
    }
    return jsonReply(200, {
      output: {
        choices: [{ finish_reason: "stop", message: { role: "assistant", content, reasoning_content: "" } }],
      },
      usage: { ...size, image_count: 1, input_tokens: 0, output_tokens: 0, total_tokens: 0 },
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
