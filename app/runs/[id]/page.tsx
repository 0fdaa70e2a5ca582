import type { Metadata } from "next";
import Link from "next/link";
import { RunPageView } from "@/components/gallery/run-page-view";
import { ChevronLeftIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: PageProps<"/runs/[id]">) {
  const { id } = await params;
  return (
    <main id="main" className="mx-auto grid max-w-[1600px] gap-5 px-4 py-5 sm:px-6 lg:py-8">
      <Link href="/history" className="flex items-center gap-1 justify-self-start text-xs font-medium text-fg-muted hover:text-fg">
        <ChevronLeftIcon className="size-3.5" />
        History
      </Link>
      <RunPageView runId={id} />
    </main>
  );
}
