import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Database } from "@/lib/db/client";
import { serverSecret } from "@/lib/db/queries/server-secrets";

/**
 * Signed input URLs: how a provider that fetches inputs by URL (shortapi, pixazo) reads an input
 * under PUBLIC_URL without a session. `/api/inputs/:id/file?expires=…&signature=…`, the signature an
 * HMAC-SHA256 of "id.expires" keyed with a secret every instance shares (server_secrets), so any
 * instance verifies what another signed, and nobody can make one for another input or a later time.
 */

const SECRET_NAME = "input-urls";

/** After a job's deadline, how long its URLs still work: a provider may fetch late in the job. */
export const SIGNED_INPUT_URL_MARGIN_MS = 15 * 60 * 1000;

const signatureOf = (key: Buffer, inputId: string, expires: number) =>
  createHmac("sha256", key).update(`${inputId}.${expires}`).digest("base64url");

export const inputUrlKey = (db: Database) => serverSecret(db, SECRET_NAME);

/** The URL of an input that works until `expiresAt`, under `baseUrl` (PUBLIC_URL). */
export function signedInputUrl(baseUrl: string, inputId: string, expiresAt: Date, key: Buffer): string {
  const expires = Math.ceil(expiresAt.getTime() / 1000);
  const query = new URLSearchParams({
    expires: String(expires),
    signature: signatureOf(key, inputId, expires),
  });
  return `${baseUrl}/api/inputs/${encodeURIComponent(inputId)}/file?${query}`;
}

export type InputUrlCheck = "valid" | "expired" | "invalid";

/** Whether a signed URL's query still grants this input; an expired one says so (its signature aside). */
export function checkInputUrl(
  inputId: string,
  query: { expires: string | null; signature: string | null },
  key: Buffer,
  now: Date,
): InputUrlCheck {
  const { expires, signature } = query;
  if (!expires || !/^\d{1,12}$/.test(expires) || !signature) return "invalid";
  const expected = Buffer.from(signatureOf(key, inputId, Number(expires)));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";
  return Number(expires) * 1000 <= now.getTime() ? "expired" : "valid";
}
