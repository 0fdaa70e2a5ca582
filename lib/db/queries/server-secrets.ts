import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "../client";
import { serverSecrets } from "../secret-schema";

/**
 * The deployment's key for `name`: made at random on first use, the same for every instance after
 * that, whichever made it (the first insert wins; the others read it back).
 */
export async function serverSecret(db: Database, name: string): Promise<Buffer> {
  await db
    .insert(serverSecrets)
    .values({ name, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing({ target: serverSecrets.name });
  const [row] = await db.select().from(serverSecrets).where(eq(serverSecrets.name, name));
  if (!row) throw new Error(`server secret ${name} vanished after insert`);
  return Buffer.from(row.value, "base64url");
}
