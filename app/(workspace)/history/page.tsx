import type { Metadata } from "next";
import { filtersFromQuery } from "@/components/history/history-url";
import { RunHistory } from "@/components/history/run-history";

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage({ searchParams }: PageProps<"/history">) {
  return (
    <main id="main" className="mx-auto max-w-[1600px] px-4 py-6 sm:px-6 lg:py-8">
      <RunHistory initialFilters={filtersFromQuery(await searchParams)} />
    </main>
  );
}
