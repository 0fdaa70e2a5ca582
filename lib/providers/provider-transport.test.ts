import { describe, expect, it } from "vitest";
import {
  createProviderTransport,
  parseRetryAfter,
  refusalText,
  type JsonCall,
  type JsonResponse,
} from "./provider-transport";
import { fixtureLoader, rejection, replayFetch, socketError, type Reply } from "@/lib/testing/replay-fetch";

const shared = fixtureLoader(import.meta.dirname);
const KEY = "sk-secret-123";

function client(reply: Reply, timeoutMs?: number) {
  const fetch = replayFetch(reply);
  return {
    fetch,
    transport: createProviderTransport("shortapi", {
      apiKey: KEY,
      baseUrl: "https://api.test",
      fetch,
      timeoutMs,
    }),
  };
}

const submit: JsonCall = {
  kind: "submit",
  method: "POST",
  url: "https://api.test/x",
  headers: { a: "b" },
  body: { q: 1 },
};
const poll: JsonCall = { kind: "poll", method: "GET", url: "https://api.test/y", headers: {} };

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP dates, ignores garbage", () => {
    expect(parseRetryAfter("7")).toBe(7);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
  });
});

describe("createProviderTransport().call", () => {
  it("sends method, headers and a JSON body, and parses the JSON answer", async () => {
    const { transport, fetch } = client({ status: 202, json: { ok: 1 }, headers: { "retry-after": "3" } });
    const response = await transport.call(submit);
    expect(response).toMatchObject({
      status: 202,
      ok: true,
      body: { ok: 1 },
      retryAfterSeconds: 3,
      kind: "submit",
    });
    expect(fetch.requests[0]).toMatchObject({
      method: "POST",
      url: "https://api.test/x",
      headers: { a: "b" },
      body: { q: 1 },
    });
  });

  it("turns an HTML 502 into a retryable malformed_response naming the status", async () => {
    const error = await rejection(
      client({ status: 502, text: shared.text("gateway-502.html") }).transport.call(poll),
    );
    expect(error).toMatchObject({
      code: "malformed_response",
      retryable: true,
      status: 502,
      provider: "shortapi",
    });
    expect(error.message).toBe("shortapi: expected JSON, got HTML (HTTP 502)");
  });

  it("treats truncated JSON on 200 as malformed, not retryable, and outcome-unknown for a submit", async () => {
    const error = await rejection(
      client({ status: 200, text: '{"code":0,"data":{"job_' }).transport.call(submit),
    );
    expect(error).toMatchObject({ code: "malformed_response", retryable: false, outcomeUnknown: true });
    expect(error.message).toContain("invalid or truncated JSON (HTTP 200)");
  });

  it("lets a poll whose 200 body is truncated be retried: reading a status again is harmless", async () => {
    const error = await rejection(
      client({ status: 200, text: '{"code":0,"data":{"sta' }).transport.call(poll),
    );
    expect(error).toMatchObject({ code: "malformed_response", retryable: true, outcomeUnknown: false });
  });

  it("leaves a non-JSON 4xx to the adapter (body undefined)", async () => {
    const response = await client({ status: 401, text: "Unauthorized" }).transport.call(poll);
    expect(response).toMatchObject({ status: 401, ok: false, body: undefined });
  });

  it("maps a dropped connection to a retryable network_error, outcome-unknown only for submits", async () => {
    const onSubmit = await rejection(client({ throws: socketError("ECONNRESET") }).transport.call(submit));
    expect(onSubmit).toMatchObject({ code: "network_error", retryable: true, outcomeUnknown: true });
    expect(onSubmit.message).toContain("ECONNRESET");
    const onPoll = await rejection(client({ throws: socketError("ECONNRESET") }).transport.call(poll));
    expect(onPoll).toMatchObject({ code: "network_error", retryable: true, outcomeUnknown: false });
  });

  it("knows a refused connection never sent the request", async () => {
    const error = await rejection(client({ throws: socketError("ECONNREFUSED") }).transport.call(submit));
    expect(error).toMatchObject({ code: "network_error", outcomeUnknown: false });
  });

  it("maps a body cut off mid-stream to network_error", async () => {
    const error = await rejection(client({ status: 200, dropAfter: '{"code":0,' }).transport.call(submit));
    expect(error).toMatchObject({ code: "network_error", retryable: true, outcomeUnknown: true });
  });

  it("aborts after timeoutMs with a retryable timeout", async () => {
    const error = await rejection(client({ hang: true }, 20).transport.call(submit));
    expect(error).toMatchObject({ code: "timeout", retryable: true, outcomeUnknown: true });
    expect(error.message).toContain("timed out after 20 ms");
  });
});

describe("createProviderTransport().error", () => {
  it("prefixes the label and redacts the key", () => {
    const error = client({}).transport.error("unauthorized", `Incorrect API key provided: ${KEY}`, {
      retryable: false,
    });
    expect(error.message).toBe("shortapi: Incorrect API key provided: [redacted]");
    expect(error.message).not.toContain(KEY);
  });
});

function response(status: number, statusText = ""): JsonResponse {
  return { kind: "submit", status, statusText, ok: status < 300, body: undefined };
}

describe("createProviderTransport().refusal", () => {
  it("quotes the provider's words and the status; retryable follows the status", () => {
    const { transport } = client({});
    const error = transport.refusal(response(400), { code: "invalid_request", text: "bad  size" });
    expect(error).toMatchObject({ code: "invalid_request", status: 400, retryable: false });
    expect(error.message).toBe("shortapi: bad size (400)");
    expect(transport.refusal(response(503), { code: "provider_error", text: "busy" }).retryable).toBe(true);
  });

  it("prefers the vendor's reference, puts a lead first, or shows no reference at all", () => {
    const { transport } = client({});
    const led = transport.refusal(response(400), {
      code: "content_policy",
      text: "unsafe",
      reference: "DataInspectionFailed",
      lead: "content inspection failed",
    });
    expect(led.message).toBe("shortapi: content inspection failed (DataInspectionFailed): unsafe");
    const bare = transport.refusal(response(200), { code: "invalid_request", text: "no", reference: null });
    expect(bare.message).toBe("shortapi: no");
  });

  it("retries a retryable code whatever the status, and keeps Retry-After", () => {
    const { transport } = client({});
    const throttled = transport.refusal(
      { ...response(400), retryAfterSeconds: 4 },
      { code: "rate_limited", text: "slow down" },
    );
    expect(throttled).toMatchObject({ retryable: true, retryAfterSeconds: 4 });
    const fromText = transport.refusal(response(429), {
      code: "rate_limited",
      text: "x",
      retryAfterSeconds: 9,
    });
    expect(fromText.retryAfterSeconds).toBe(9);
  });
});

describe("refusalText", () => {
  it("takes the first field with words, then the status line, then the status", () => {
    expect(refusalText(response(400, "Bad Request"), undefined, " ", "why")).toBe("why");
    expect(refusalText(response(400, "Bad Request"), 42)).toBe("Bad Request");
    expect(refusalText(response(418))).toBe("HTTP 418");
  });
});
