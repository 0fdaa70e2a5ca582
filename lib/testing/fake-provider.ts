import { vi } from "vitest";
import type { ProviderId } from "@/lib/models/types";
import type { ImageProvider, PollInput, PollResult, SubmitInput, SubmitResult } from "@/lib/providers/types";

/** A scriptable provider: tests set how submit and poll answer and inspect the calls. */
export function fakeProvider(
  id: ProviderId,
  behaviour: {
    submit?: (input: SubmitInput) => Promise<SubmitResult>;
    poll?: (input: PollInput) => Promise<PollResult>;
  } = {},
) {
  const submit = vi.fn(
    behaviour.submit ??
      (async (): Promise<SubmitResult> => ({ state: "pending", providerJobId: `job-${Math.random()}` })),
  );
  const poll = vi.fn(
    behaviour.poll ??
      (async (input: PollInput): Promise<PollResult> => ({
        state: "succeeded",
        outputs: [{ url: `https://cdn.example/${input.providerJobId}/0.png` }],
      })),
  );
  return { id, submit, poll } satisfies ImageProvider;
}
