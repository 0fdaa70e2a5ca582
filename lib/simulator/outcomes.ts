import { z } from "zod";
import { providerOrAllSchema, type SimulatedProvider } from "./faults";

export const JOB_OUTCOMES = ["success", "content_policy", "error", "failed"] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];

export const outcomeRuleSchema = z.strictObject({
  provider: providerOrAllSchema,
  count: z.number().int().min(1).default(1),
  outcome: z.enum(JOB_OUTCOMES),
});

export type OutcomeRule = z.infer<typeof outcomeRuleSchema>;

/** Lets people trying the UI see a refusal without touching the control port. */
export const FAIL_TOKEN = "[sim:fail]";

/** How upcoming jobs end, consumed in order when a job is created. */
export class OutcomeStore {
  private rules: OutcomeRule[] = [];

  add(rule: OutcomeRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  next(provider: SimulatedProvider, prompt: string): JobOutcome {
    const index = this.rules.findIndex((rule) => rule.provider === "*" || rule.provider === provider);
    const rule = this.rules[index];
    let outcome: JobOutcome = "success";
    if (rule) {
      outcome = rule.outcome;
      rule.count -= 1;
      if (rule.count === 0) this.rules.splice(index, 1);
    }
    return prompt.includes(FAIL_TOKEN) ? "content_policy" : outcome;
  }
}
