import "server-only";
import type { JobRow } from "@/lib/db/schema";
import type { ImageProvider, PollResult } from "@/lib/providers/types";
import { jobTransitions } from "./job-transitions";
import {
  applyDecision,
  failJob,
  policyContext,
  withTimeout,
  type StepContext,
  type StepOutcome,
} from "./step-context";
import { decidePending, decidePollError } from "./step-policy";

/** Asks the provider about an accepted job once. */
export async function pollStep(
  job: JobRow,
  provider: ImageProvider,
  context: StepContext,
): Promise<StepOutcome> {
  try {
    const result = await withTimeout(
      provider.poll({
        modelId: job.modelId,
        providerJobId: job.providerJobId ?? "",
        pollingUrl: job.pollingUrl ?? undefined,
      }),
      context.pollTimeoutMs,
    );
    return { ...afterAnswer(job, result, provider, context), providerAnswered: true };
  } catch (error) {
    const decision = decidePollError(error, policyContext(job, context), { deadlineMs: context.deadlineMs });
    return applyDecision(job, decision, context, "Poll failed, retrying", { error });
  }
}

/** What the provider's answer to a poll means for the job. */
function afterAnswer(
  job: JobRow,
  result: PollResult,
  provider: ImageProvider,
  context: StepContext,
): StepOutcome {
  const now = context.now();
  if (result.state === "succeeded") {
    return {
      changes: jobTransitions.outputsReady(job, now, result.outputs, result.costUsd),
      continueNow: true,
    };
  }
  if (result.state === "failed") {
    const { code, message, charged } = result.error;
    return failJob(job, { code, message, charged }, context);
  }
  const decision = decidePending(policyContext(job, context), {
    schedule: context.pollSchedule(provider.id),
    waitedMs: now.getTime() - (job.submittedAt ?? job.createdAt).getTime(),
    deadlineMs: context.deadlineMs,
  });
  if (decision.kind === "fail") return failJob(job, decision.failure, context);
  return { changes: jobTransitions.pollLater(job, now, decision.at), continueNow: false };
}
