"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useDeferredValue, useEffect, useState } from "react";
import { editRunHref } from "@/components/gallery/edit-run-button";
import { SelectionBar } from "@/components/share/selection-bar";
import { ShareStarredButton } from "@/components/share/share-starred-button";
import { Button, buttonClasses } from "@/components/ui/button";
import { CheckIcon, SlidersIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/components/ui/cn";
import { selectionActions, useImageSelection } from "@/lib/hooks/use-image-selection";
import { useRunHistory } from "@/lib/hooks/use-run-history";
import { DeleteRunButton } from "./delete-run-button";
import { HistoryFilters, type HistoryFilterValues } from "./history-filters";
import { filtersFromQuery, queryFromFilters } from "./history-url";
import { RunSummaryCard } from "./run-summary-card";

/** A card's own actions: shown on hover or focus, always on touch screens. */
const HOVER_ACTION =
  "absolute top-2.5 opacity-0 shadow-card transition-opacity group-focus-within:opacity-100 group-hover:opacity-100 [@media(hover:none)]:opacity-100";

const NO_FILTERS: HistoryFilterValues = { search: "", modelId: "", status: "", starred: false };

export function RunHistory() {
  // From the URL as it is now: Back restores a cached render of this page, but not its state.
  const query = useSearchParams();
  const [filters, setFilters] = useState(() => filtersFromQuery(Object.fromEntries(query)));
  // Replaced, not pushed: typing is not a page to go Back to, but leaving and coming Back restores it.
  useEffect(() => {
    window.history.replaceState(window.history.state, "", `/history${queryFromFilters(filters)}`);
  }, [filters]);
  const deferredSearch = useDeferredValue(filters.search.trim());
  const filtered = Boolean(deferredSearch || filters.modelId || filters.status || filters.starred);
  const history = useRunHistory({
    search: deferredSearch,
    modelId: filters.modelId || undefined,
    status: filters.status || undefined,
    starred: filters.starred,
  });
  const runs = history.data?.pages.flatMap((page) => page.runs) ?? [];
  // Every page of the filter, not just those on screen: "Share starred" shares them all.
  const collectStarred = async () => {
    let result = { data: history.data, hasNextPage: history.hasNextPage };
    while (result.hasNextPage) result = await history.fetchNextPage();
    return (result.data?.pages ?? []).flatMap((page) => page.runs.flatMap((run) => run.starredImageIds));
  };
  const selection = useImageSelection();

  return (
    <div className="grid gap-6 pb-20">
      <div className="flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">History</h1>
          <p className="text-sm text-fg-muted">Every run, newest first. Kept until you delete it.</p>
        </div>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <HistoryFilters value={filters} onChange={setFilters} />
          {filters.starred ? (
            <ShareStarredButton
              size="md"
              collect={collectStarred}
              count={runs.reduce((total, run) => total + run.starredImageIds.length, 0)}
              defaultTitle="Starred"
            />
          ) : null}
          <Button
            aria-pressed={selection.active}
            className="aria-pressed:border-accent/40 aria-pressed:bg-accent-soft aria-pressed:text-accent-strong"
            onClick={() => selectionActions.setActive(!selection.active)}
          >
            {selection.active ? <CheckIcon /> : null}
            {selection.active ? "Selecting" : "Select runs"}
          </Button>
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
          <p className="font-medium">{filtered ? "No runs match these filters" : "No runs yet"}</p>
          {filtered ? (
            <Button onClick={() => setFilters(NO_FILTERS)}>Clear filters</Button>
          ) : (
            <Link href="/" className={buttonClasses("primary")}>
              Open the playground
            </Link>
          )}
        </div>
      ) : (
        <ul
          aria-label="Runs"
          className="grid grid-cols-1 gap-4 min-[480px]:grid-cols-2 md:grid-cols-3 xl:grid-cols-4 2xl:grid-cols-5"
        >
          {runs.map((run) => {
            const selected = selection.runIds.includes(run.id);
            return (
              <li
                key={run.id}
                className={cn("group relative rounded-card", selected && "ring-3 ring-accent")}
              >
                <RunSummaryCard run={run} />
                {selection.active && run.thumbnails.length > 0 ? (
                  <label className="absolute top-2.5 left-2.5 flex cursor-pointer items-center gap-1.5 rounded-full bg-surface/95 py-1 pr-2.5 pl-1.5 text-xs font-medium shadow-card">
                    <input
                      type="checkbox"
                      checked={selected}
                      onChange={() => selectionActions.toggleRun(run.id)}
                      aria-label={`Select run: ${run.prompt}`}
                      className="size-4 accent-(--color-accent)"
                    />
                    Select
                  </label>
                ) : null}
                <Link
                  href={editRunHref(run.id)}
                  aria-label={`Edit & re-run: ${run.prompt}`}
                  title="Edit & re-run"
                  className={buttonClasses("secondary", "icon-sm", cn(HOVER_ACTION, "right-12"))}
                >
                  <SlidersIcon />
                </Link>
                <DeleteRunButton run={run} className={cn(HOVER_ACTION, "right-2.5")} />
              </li>
            );
          })}
        </ul>
      )}

      {history.hasNextPage ? (
        <Button
          onClick={() => history.fetchNextPage()}
          disabled={history.isFetchingNextPage}
          className="justify-self-center"
        >
          {history.isFetchingNextPage ? <Spinner /> : null}
          Load more
        </Button>
      ) : null}
      <SelectionBar />
    </div>
  );
}
