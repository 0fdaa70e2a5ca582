import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { getJob } from "@/lib/db/queries/jobs";
import { jobs } from "@/lib/db/schema";
import type { ProviderId } from "@/lib/models/types";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { DATABASE_ENGINES } from "@/lib/testing/database-engines";
import { setUpEngineFixture } from "@/lib/testing/engine-fixture";
import { fakeProvider } from "@/lib/testing/fake-provider";
import { createRun } from "../create-run";
import { createJobRunner } from "./engine";

// An instance without keys ran the cluster's paid jobs against its own simulator: a job is only
// worked on by an instance whose endpoint for its provider is the one that accepted it.
describe.each(DATABASE_ENGINES)("provider endpoints on a shared database, on $name", (engine) => {
  const fixture = setUpEngineFixture(engine, "prism-endpoints-");
  const clock = new Date("2026-03-01T10:00:00.000Z");

  function runnerWith(endpoints: Partial<Record<ProviderId, string>>) {
    const providers = { shortapi: fakeProvider("shortapi"), pixazo: fakeProvider("pixazo") };
    const runner = createJobRunner(
      {
        db: fixture.handle.db,
        blobStore: createLocalBlobStore(fixture.blobDirectory),
        getProvider: (providerId) => (providerId in providers ? providers[providerId as "shortapi"] : null),
        providerEndpoint: (providerId) => endpoints[providerId] ?? null,
        fetchImage: async () => fixture.image,
        now: () => clock,
        ownerId: `runner-${Object.values(endpoints).join("+")}`,
      },
      { idleIntervalMs: 60_000 },
    );
    return { runner, providers };
  }

  async function jobAcceptedAt(providerId: "shortapi" | "pixazo", endpoint: string | null) {
    const model =
      providerId === "shortapi"
        ? { modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }
        : { modelId: "pixazo/z-image-turbo", params: { image_size: "square_1_1" } };
    const run = await createRun(
      fixture.handle.db,
      createRunBodySchema.parse({ prompt: "a lighthouse", models: [model] }),
      { now: clock },
    );
    const [job] = await fixture.handle.db
      .update(jobs)
      .set({ providerEndpoint: endpoint })
      .where(eq(jobs.runId, run.id))
      .returning();
    return job!.id;
  }

  it("claims its own endpoint's jobs and an older build's, leaves another endpoint's and a provider it has no key for", async () => {
    const own = await jobAcceptedAt("shortapi", "https://api.shortapi.example");
    const older = await jobAcceptedAt("shortapi", null);
    const elsewhere = await jobAcceptedAt("shortapi", "simulator on laptop at http://127.0.0.1:4311");
    const noKey = await jobAcceptedAt("pixazo", "https://api.pixazo.example");

    const { runner, providers } = runnerWith({ shortapi: "https://api.shortapi.example" });
    await runner.tick();
    await runner.settle();

    expect(providers.shortapi.submit).toHaveBeenCalledTimes(2);
    expect(providers.pixazo.submit).not.toHaveBeenCalled();
    for (const id of [own, older]) expect((await getJob(fixture.handle.db, id))?.providerJobId).toBeTruthy();
    for (const id of [elsewhere, noKey]) {
      const job = await getJob(fixture.handle.db, id);
      expect([job?.status, job?.submittedAt, job?.leaseOwner]).toEqual(["queued", null, null]);
    }
  });
});
