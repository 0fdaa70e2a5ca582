import type { Metadata } from "next";
import { RunPageView } from "./run-page-view";
import { logger } from "@/lib/logger";
import { readRunCopy } from "@/lib/runs/read-run";
import { getDb } from "@/lib/server/runtime";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: PageProps<"/runs/[id]">) {
  const { id } = await params;
  // The page comes with the run, so it shows at once and the tab's first request waits for news.
  // Without it (database trouble) the tab asks for the run itself and shows what goes wrong.
  const initial = await readRunCopy(await getDb(), id).catch((error: unknown) => {
    logger.error("Could not read a run for its page", { runId: id, error });
    return null;
  });
  return (
    <main id="main" className="mx-auto grid max-w-[1600px] gap-5 px-4 py-5 pb-24 sm:px-6 lg:py-8 lg:pb-24">
      <RunPageView runId={id} initial={initial} />
    </main>
  );
}
