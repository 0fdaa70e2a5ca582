import type { Database } from "@/lib/db/client";
import { nextDueTime } from "@/lib/db/queries/jobs";
import type { JobRunner } from "@/lib/jobs/runner/types";

/** The fake clock the runners under test read through their `now` dependency. */
export interface TestClock {
  current: Date;
}

/**
 * Steps every runner until no job is due, jumping the fake clock to the next due time, so a test
 * never waits for real poll intervals or backoffs. The runners tick together, so on a shared
 * database they really compete for the same jobs.
 */
export async function driveRunners(
  db: Database,
  runners: JobRunner[],
  clock: TestClock,
  maxRounds = 100,
): Promise<void> {
  for (let round = 0; round < maxRounds; round += 1) {
    await Promise.all(runners.map((runner) => runner.tick()));
    await Promise.all(runners.map((runner) => runner.settle()));
    const due = await nextDueTime(db);
    if (!due) return;
    if (due > clock.current) clock.current = due;
  }
  throw new Error("Jobs did not reach a terminal state");
}
