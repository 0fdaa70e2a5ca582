import { randomBytes } from "node:crypto";

/** 18 random bytes = 144 bits, base64url: unguessable, URL-safe, 24 characters. */
export function newId(): string {
  return randomBytes(18).toString("base64url");
}
