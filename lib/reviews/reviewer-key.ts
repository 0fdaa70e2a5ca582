import "server-only";
import type { Database } from "@/lib/db/client";
import { serverSecret } from "@/lib/db/queries/server-secrets";
import {
  hasReviewerKey,
  provideReviewerKey,
  verifiedReviewerId,
  waitForReviewerKey,
} from "./reviewer-cookie";

const SECRET_NAME = "reviewer-cookie";

/** The reviewer cookie's HMAC key: made once in the database (server_secrets), so every instance signs alike. */
export async function reviewerKey(db: Database): Promise<string> {
  if (!hasReviewerKey()) {
    provideReviewerKey((await serverSecret(db, SECRET_NAME)).toString("base64url"));
  }
  return (await waitForReviewerKey())!;
}

/** The reviewer id of a genuine reviewer cookie; undefined for none, a forged or an unsigned one. */
export async function reviewerIdOf(
  db: Database,
  cookieValue: string | undefined,
): Promise<string | undefined> {
  if (!cookieValue) return undefined;
  return verifiedReviewerId(cookieValue, await reviewerKey(db));
}
