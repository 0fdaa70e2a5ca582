import { describe, expect, it } from "vitest";
import { createHttpClient, parseRetryAfter, type JsonCall } from "./http";
import { fixtureLoader, rejection, replayFetch, socketError, type Reply } from "./testing/replay-fetch";

const shared = fixtureLoader(import.meta.dirname);
const KEY = "sk-secret-123";

function client(reply: Reply, timeoutMs?: number) {
  const fetch = replayFetch(reply);
  return {
    fetch,
    http: createHttpClient("shortapi", { apiKey: KEY, baseUrl: "https://api.test", fetch, timeoutMs }),
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

describe("createHttpClient().call", () => {
  it("sends method, headers and a JSON body, and parses the JSON answer", async () => {
    const { http, fetch } = client({ status: 202, json: { ok: 1 }, headers: { "retry-after": "3" } });
    const response = await http.call(submit);
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
      client({ status: 502, text: shared.text("gateway-502.html") }).http.call(poll),
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
    const error = await rejection(client({ status: 200, text: '{"code":0,"data":{"job_' }).http.call(submit));
    expect(error).toMatchObject({ code: "malformed_response", retryable: false, outcomeUnknown: true });
    expect(error.message).toContain("invalid or truncated JSON (HTTP 200)");
  });

  it("lets a poll whose 200 body is truncated be retried: reading a status again is harmless", async () => {
    const error = await rejection(client({ status: 200, text: '{"code":0,"data":{"sta' }).http.call(poll));
    expect(error).toMatchObject({ code: "malformed_response", retryable: true, outcomeUnknown: false });
  });

  it("leaves a non-JSON 4xx to the adapter (body undefined)", async () => {
    const response = await client({ status: 401, text: "Unauthorized" }).http.call(poll);
    expect(response).toMatchObject({ status: 401, ok: false, body: undefined });
  });

  it("maps a dropped connection to a retryable network_error, outcome-unknown only for submits", async () => {
    const onSubmit = await rejection(client({ throws: socketError("ECONNRESET") }).http.call(submit));
    expect(onSubmit).toMatchObject({ code: "network_error", retryable: true, outcomeUnknown: true });
    expect(onSubmit.message).toContain("ECONNRESET");
    const onPoll = await rejection(client({ throws: socketError("ECONNRESET") }).http.call(poll));
    expect(onPoll).toMatchObject({ code: "network_error", retryable: true, outcomeUnknown: false });
  });

  it("knows a refused connection never sent the request", async () => {
    const error = await rejection(client({ throws: socketError("ECONNREFUSED") }).http.call(submit));
    expect(error).toMatchObject({ code: "network_error", outcomeUnknown: false });
  });

  it("maps a body cut off mid-stream to network_error", async () => {
    const error = await rejection(client({ status: 200, dropAfter: '{"code":0,' }).http.call(submit));
    expect(error).toMatchObject({ code: "network_error", retryable: true, outcomeUnknown: true });
  });

  it("aborts after timeoutMs with a retryable timeout", async () => {
    const error = await rejection(client({ hang: true }, 20).http.call(submit));
    expect(error).toMatchObject({ code: "timeout", retryable: true, outcomeUnknown: true });
    expect(error.message).toContain("timed out after 20 ms");
  });
});

describe("createHttpClient().error", () => {
  it("prefixes the label and redacts the key", () => {
    const error = client({}).http.error("unauthorized", `Incorrect API key provided: ${KEY}`, {
      retryable: false,
    });
    expect(error.message).toBe("shortapi: Incorrect API key provided: [redacted]");
    expect(error.message).not.toContain(KEY);
  });
});
