"use client";

import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { SearchIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useRunHistory } from "@/lib/hooks/use-run-history";
import { RunSummaryCard } from "./run-summary-card";

export function RunHistory() {
  const [search, setSearch] = useState("");
  const deferredSearch = useDeferredValue(search.trim());
  const history = useRunHistory(deferredSearch);
  const runs = history.data?.pages.flatMap((page) => page.runs) ?? [];

  return (
    <div className="grid gap-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">History</h1>
          <p className="text-sm text-fg-muted">Every run, newest first.</p>
        </div>
        <div className="relative w-full sm:w-72">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-subtle" />
          <Input
            type="search"
            aria-label="Search prompts"
            placeholder="Search prompts"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            className="pl-9"
          />
        </div>
      </div>

      {history.error ? (
        <p role="alert" className="rounded-lg bg-danger-soft px-4 py-3 text-sm text-danger">
          Could not load history: {history.error.message}
        </p>
      ) : null}

      {history.isPending ? (
        <div className="flex items-center gap-2 text-fg-muted" role="status">
          <Spinner /> Loading history…
        </div>
      ) : runs.length === 0 ? (
        <div className="grid justify-items-center gap-3 rounded-card border border-dashed border-line-strong p-12 text-center">
          <p className="font-medium">{deferredSearch ? `No runs match “${deferredSearch}”` : "No runs yet"}</p>
          {deferredSearch ? null : (
            <Link href="/" className={buttonClasses("primary")}>
              Open the playground
            </Link>
          )}
        </div>
      ) : (
        <ul aria-label="Runs" className="grid grid-cols-1 gap-4 min-[480px]:grid-cols-2 md:grid-cols-3 xl:grid-cols-4 2xl:grid-cols-5">
          {runs.map((run) => (
            <li key={run.id}>
              <RunSummaryCard run={run} />
            </li>
          ))}
        </ul>
      )}

      {history.hasNextPage ? (
        <Button onClick={() => history.fetchNextPage()} disabled={history.isFetchingNextPage} className="justify-self-center">
          {history.isFetchingNextPage ? <Spinner /> : null}
          Load more
        </Button>
      ) : null}
    </div>
  );
}
