import type { Metadata } from "next";
import { PicksBoard } from "@/components/picks/picks-board";

export const metadata: Metadata = { title: "Picks" };

export default function PicksPage() {
  return (
    <main id="main" className="mx-auto max-w-[1600px] px-4 py-6 sm:px-6 lg:py-8">
      <PicksBoard />
    </main>
  );
}
