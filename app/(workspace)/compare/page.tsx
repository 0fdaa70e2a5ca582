import type { Metadata } from "next";
import { ComparePageView } from "@/components/compare/compare-page-view";

export const metadata: Metadata = { title: "Compare" };

export default async function ComparePage({ searchParams }: PageProps<"/compare">) {
  const { images, input } = await searchParams;
  const ids = (typeof images === "string" ? images : "").split(",").filter(Boolean);
  return (
    <main id="main" className="mx-auto grid max-w-[1600px] gap-3 px-4 py-4 sm:px-6">
      <h1 className="sr-only">Compare images</h1>
      <ComparePageView ids={ids} withInput={input === "1"} />
    </main>
  );
}
