import type { Metadata } from "next";
import { connection } from "next/server";
import { RunHistory } from "@/components/history/run-history";

export const metadata: Metadata = { title: "History" };

export default async function HistoryPage() {
  // Rendered per request: the filters come from the URL's query, on the server render too.
  await connection();
  return (
    <main id="main" className="mx-auto max-w-[1600px] px-4 py-6 sm:px-6 lg:py-8">
      <RunHistory />
    </main>
  );
}
