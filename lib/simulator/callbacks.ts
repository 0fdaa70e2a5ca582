import type { SimulatorContext } from "./context";
import { sleep } from "./http-utils";

const ATTEMPT_TIMEOUT_MS = 5000;
const RETRY_BACKOFF_MS = 200;

async function deliverOnce(context: SimulatorContext, url: string, body: string): Promise<void> {
  const attempts = context.settings.callbackAttempts;
  for (let attempt = 1; attempt <= attempts && !context.signal.aborted; attempt += 1) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        signal: AbortSignal.any([context.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
      });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // An unreachable receiver is the receiver's problem; the job itself is unaffected.
    }
    await sleep(RETRY_BACKOFF_MS * attempt, context.signal);
  }
}

/**
 * POSTs a job's terminal state to the URL the client gave (shortapi callback_url, pixazo
 * X-Webhook-URL). Unsigned, like the real ones; late, repeated or retried only when the
 * scenario asks for it.
 */
export async function deliverCallback(context: SimulatorContext, url: string, body: unknown): Promise<void> {
  const { callbackDelayMs, callbackCopies } = context.settings;
  await sleep(callbackDelayMs, context.signal);
  const payload = JSON.stringify(body);
  for (let copy = 0; copy < callbackCopies && !context.signal.aborted; copy += 1) {
    await deliverOnce(context, url, payload);
  }
}
