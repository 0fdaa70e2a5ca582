"use client";

import { useDeferredValue, useState } from "react";
import { SearchInput } from "@/components/ui/search-input";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { errorText } from "@/lib/http/api-client";
import { useScorecard } from "@/lib/hooks/use-scorecard";
import { ScorecardTable } from "./scorecard-table";
import { TimeHistogram } from "./time-histogram";
import { WinCostChart } from "./win-cost-chart";

/** Which model wins for you: the evidence of your own runs and reviews, per model and configuration. */
export function ScorecardPage() {
  const [filters, setFilters] = useState({ search: "", since: "" });
  const search = useDeferredValue(filters.search.trim());
  const scorecard = useScorecard({ search, since: filters.since });
  const models = scorecard.data?.models ?? [];

  return (
    <div className="grid gap-8 pb-20">
      <div className="flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
        <div className="max-w-2xl">
          <h1 className="text-xl font-semibold tracking-tight">Models</h1>
          <p className="text-sm text-fg-muted">
            Which model wins for you, from your own runs. Win rates count each review ballot as a win over
            every other model shown for that prompt, with a 95 % Wilson score interval.
          </p>
        </div>
        <div className="grid w-full gap-2 sm:grid-cols-[minmax(0,18rem)_10rem] lg:w-auto">
          <SearchInput
            aria-label="Prompts containing"
            placeholder="e.g. packaging shot"
            value={filters.search}
            onChange={(event) => setFilters({ ...filters, search: event.target.value })}
          />
          <Input
            type="date"
            aria-label="Runs since"
            value={filters.since}
            onChange={(event) => setFilters({ ...filters, since: event.target.value })}
          />
        </div>
      </div>

      {scorecard.error ? (
        <p role="alert" className="rounded-lg bg-danger-soft px-4 py-3 text-sm text-danger">
          Could not load the scorecard: {errorText(scorecard.error)}
        </p>
      ) : null}
      {scorecard.isPending ? (
        <div className="flex items-center gap-2 text-fg-muted" role="status">
          <Spinner /> Loading the scorecard…
        </div>
      ) : models.length === 0 ? (
        <p className="rounded-card border border-dashed border-line-strong p-12 text-center font-medium">
          No runs match these filters
        </p>
      ) : (
        <>
          <ScorecardTable models={models} />
          <section aria-labelledby="win-cost" className="grid gap-3">
            <h2 id="win-cost" className="text-base font-semibold">
              Cost vs win rate
            </h2>
            <WinCostChart models={models} />
          </section>
          <section aria-labelledby="time-to-image" className="grid gap-3">
            <h2 id="time-to-image" className="text-base font-semibold">
              Time to first image
            </h2>
            <TimeHistogram models={models} edges={scorecard.data?.secondsBuckets ?? []} />
          </section>
        </>
      )}
    </div>
  );
}
