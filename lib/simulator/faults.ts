import { z } from "zod";
import { PROVIDER_IDS, type ProviderId } from "@/lib/models/providers";

/** The simulator speaks every provider Prism knows (lib/models/providers.ts): its list is theirs. */
export const SIMULATED_PROVIDERS: readonly ProviderId[] = PROVIDER_IDS;
export type SimulatedProvider = ProviderId;

/** A control rule's `provider`: one of them, or "*" for all. */
export const providerOrAllSchema = z.enum(["*", ...SIMULATED_PROVIDERS] as ["*", ...ProviderId[]]);

/** Which kind of provider request a rule targets. */
export type RequestKind = "submit" | "poll" | "image" | "other";

export const faultRuleSchema = z
  .strictObject({
    provider: providerOrAllSchema,
    on: z.enum(["submit", "poll", "image", "any"]),
    /** How many matching requests it hits; -1 means until POST /reset. */
    count: z.number().int().min(-1).default(1),
    kind: z.enum(["status", "drop", "truncated", "html", "delay"]),
    /** 2xx only makes sense with `body`: a well-formed answer the adapter cannot interpret (e.g. an unknown job status). */
    status: z.number().int().min(200).max(599).optional(),
    retryAfter: z.number().min(0).optional(),
    body: z.unknown().optional(),
    delayMs: z.number().int().min(0).optional(),
  })
  .refine((rule) => rule.kind !== "status" || rule.status !== undefined, {
    message: 'status is required when kind is "status"',
    path: ["status"],
  })
  .refine((rule) => rule.count !== 0, { message: "count must be positive or -1", path: ["count"] });

export type FaultRule = z.infer<typeof faultRuleSchema>;

/** Fault rules in the order they were added; the first match wins and is used up. */
export class FaultStore {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  list(): readonly FaultRule[] {
    return this.rules;
  }

  clear(): void {
    this.rules = [];
  }

  take(provider: SimulatedProvider, kind: RequestKind): FaultRule | undefined {
    const index = this.rules.findIndex(
      (rule) =>
        (rule.provider === "*" || rule.provider === provider) && (rule.on === "any" || rule.on === kind),
    );
    const rule = this.rules[index];
    if (!rule) return undefined;
    if (rule.count > 0) {
      rule.count -= 1;
      if (rule.count === 0) this.rules.splice(index, 1);
    }
    return rule;
  }
}
