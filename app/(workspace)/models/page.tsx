import type { Metadata } from "next";
import { ScorecardPage } from "@/components/scorecard/scorecard-page";

export const metadata: Metadata = { title: "Models" };

export default function ModelsPage() {
  return (
    <main id="main" className="mx-auto max-w-[1600px] px-4 py-6 sm:px-6 lg:py-8">
      <ScorecardPage />
    </main>
  );
}
