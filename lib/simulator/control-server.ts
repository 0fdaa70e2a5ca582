import { createServer, type Server } from "node:http";
import { z } from "zod";
import type { SimulatorContext } from "./context";
import { controlRefusal } from "./control-access";
import { faultRuleSchema } from "./faults";
import { jsonReply, readRequest, type Reply, sendReply, type SimRequest } from "./http-utils";
import { outcomeRuleSchema } from "./outcomes";
import { settingsPatchSchema } from "./settings";

/** The control port: fault knobs, job outcomes, timing, and the call log. A development tool: see README.md. */

type Handler = (request: SimRequest) => Reply;

function withBody<S extends z.ZodType>(schema: S, use: (value: z.output<S>) => Reply): Handler {
  return (request) => {
    if (request.jsonError)
      return jsonReply(400, { error: "invalid_body", message: "Body is not valid JSON." });
    const parsed = schema.safeParse(request.json ?? {});
    if (!parsed.success)
      return jsonReply(400, { error: "invalid_body", message: z.prettifyError(parsed.error) });
    return use(parsed.data);
  };
}

export function createControlServer(
  context: SimulatorContext,
  urls: () => Record<string, string>,
  allowedOrigins: () => ReadonlySet<string>,
): Server {
  const ok = () => jsonReply(200, { ok: true });
  const routes: Record<string, Handler> = {
    "GET /health": () => jsonReply(200, { ok: true, urls: urls() }),
    "GET /faults": () => jsonReply(200, context.faults.list()),
    "POST /faults": withBody(faultRuleSchema, (rule) => {
      context.faults.add(rule);
      return jsonReply(200, { ok: true, faults: context.faults.list() });
    }),
    "DELETE /faults": () => {
      context.faults.clear();
      return ok();
    },
    "POST /outcomes": withBody(outcomeRuleSchema, (rule) => {
      context.outcomes.add(rule);
      return ok();
    }),
    "GET /settings": () => jsonReply(200, context.settings),
    "POST /settings": withBody(settingsPatchSchema, (patch) => {
      const defined = Object.entries(patch).filter(([, value]) => value !== undefined);
      Object.assign(context.settings, Object.fromEntries(defined));
      return jsonReply(200, context.settings);
    }),
    "POST /expire-images": () => {
      context.images.expireAll();
      return ok();
    },
    "GET /calls": (request) =>
      jsonReply(200, context.calls.list(request.url.searchParams.get("provider") ?? undefined)),
    "DELETE /calls": () => {
      context.calls.clear();
      return ok();
    },
    "POST /reset": () => {
      context.reset();
      return ok();
    },
  };

  return createServer((incoming, response) => {
    void (async () => {
      try {
        const refusal = controlRefusal(incoming.headers, allowedOrigins());
        if (refusal) {
          // Refused before the body is read, so a foreign page learns and changes nothing.
          sendReply(response, jsonReply(403, { error: "forbidden", message: refusal }));
          return;
        }
        const request = await readRequest(incoming, "http://control");
        const handler = routes[`${request.method} ${request.url.pathname}`];
        sendReply(
          response,
          handler ? handler(request) : jsonReply(404, { error: "not_found" }),
          request.method,
        );
      } catch (error) {
        sendReply(response, jsonReply(400, { error: "bad_request", message: String(error) }));
      }
    })();
  });
}
