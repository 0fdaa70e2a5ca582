import "server-only";
import type { JobRow } from "@/lib/db/schema";
import type { ProviderId } from "@/lib/models/types";
import type { ImageProvider } from "@/lib/providers/types";
import { downloadStep } from "./download-step";
import { phaseOf } from "./job-transitions";
import { pollStep } from "./poll-step";
import { failJob, type StepContext, type StepOutcome } from "./step-context";
import { lostCreateFailure } from "./step-policy";
import { submitStep } from "./submit-step";

/** Does the one step the job's columns call for; null when the job is finished or gone with its run. */
export async function runStep(
  job: JobRow,
  getProvider: (providerId: ProviderId) => ImageProvider | null,
  context: StepContext,
): Promise<StepOutcome | null> {
  const phase = phaseOf(job);
  if (phase === "finished") return null;
  if (phase === "unknown-submit") return failJob(job, lostCreateFailure(job.providerId), context);
  if (phase === "download") return downloadStep(job, context);
  const provider = getProvider(job.providerId);
  if (!provider) {
    return failJob(
      job,
      { code: "provider_unavailable", message: `${job.providerId}: no API key configured`, charged: false },
      context,
    );
  }
  return phase === "submit" ? submitStep(job, provider, context) : pollStep(job, provider, context);
}
