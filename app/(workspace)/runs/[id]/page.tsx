import type { Metadata } from "next";
import { RunPageView } from "@/components/gallery/run-page-view";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: PageProps<"/runs/[id]">) {
  const { id } = await params;
  return (
    <main id="main" className="mx-auto grid max-w-[1600px] gap-5 px-4 py-5 pb-24 sm:px-6 lg:py-8 lg:pb-24">
      <RunPageView runId={id} />
    </main>
  );
}
