"use client";

import Link from "next/link";
import { useDeferredValue, useId, useLayoutEffect, useRef, useState } from "react";
import { LazyShareDialog } from "@/components/share/lazy-share-dialog";
import { Button, buttonClasses } from "@/components/ui/button";
import { DownloadIcon, ImageIcon, ShareIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import type { PickView } from "@/lib/api/views";
import { errorText } from "@/lib/http/api-client";
import { usePicks, useReorderPicks, type PicksFilters } from "@/lib/hooks/use-picks";
import { PickCard } from "./pick-card";
import { PicksFilterBar } from "./picks-filter-bar";

const NO_FILTERS: PicksFilters = { search: "", modelId: "", since: "" };
/** What the contact sheet endpoint takes at most. */
const SHEET_MAX = 48;

/** `ids` in a new order: the one at `from` moved to `to`. */
function moved(ids: string[], from: number, to: number): string[] {
  const next = [...ids];
  const [id] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, id!);
  return next;
}

function selectionHref(path: string, picks: PickView[]): string {
  return `${path}?ids=${picks.map((pick) => encodeURIComponent(pick.image.id)).join(",")}`;
}

/** The picks board: every starred image across runs, in the designer's order, to share or export. */
export function PicksBoard() {
  const [filters, setFilters] = useState(NO_FILTERS);
  const search = useDeferredValue(filters.search.trim());
  const active = { ...filters, search };
  const board = usePicks(active);
  const reorder = useReorderPicks(active);
  const picks = board.data?.pages.flatMap((page) => page.picks) ?? [];
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [sharing, setSharing] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [dragged, setDragged] = useState<string | null>(null);
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const [focusAfterMove, setFocusAfterMove] = useState<string | null>(null);
  const instructionsId = useId();
  const filtered = Boolean(search || filters.modelId || filters.since);

  // A moved card's DOM node moves too, and the browser drops its focus: hand it back.
  useLayoutEffect(() => {
    if (focusAfterMove) handles.current.get(focusAfterMove)?.focus();
  }, [focusAfterMove, board.data]);

  const ids = picks.map((pick) => pick.image.id);
  const chosen = selected.size > 0 ? picks.filter((pick) => selected.has(pick.image.id)) : picks;
  const move = (id: string, to: number) => {
    const from = ids.indexOf(id);
    const target = Math.max(0, Math.min(to, ids.length - 1));
    if (from < 0 || from === target) return;
    reorder.mutate({ imageIds: moved(ids, from, target) });
    setFocusAfterMove(id);
    setAnnouncement(`Moved to place ${target + 1} of ${ids.length}`);
  };

  return (
    <div className="grid gap-6 pb-20">
      <div className="flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Picks</h1>
          <p className="text-sm text-fg-muted">
            Every image you starred, across runs, in your order. Drag a card, or focus Move and use the arrow
            keys.
          </p>
        </div>
        <PicksFilterBar value={filters} onChange={setFilters} />
      </div>

      <div
        role="toolbar"
        aria-label="Selection"
        className="flex flex-wrap items-center gap-2 rounded-card border border-line bg-surface px-3 py-2"
      >
        <p className="mr-auto text-sm text-fg-muted" aria-live="polite">
          {selected.size > 0
            ? `${chosen.length} of ${picks.length} selected`
            : `All ${picks.length} shown ${picks.length === 1 ? "pick" : "picks"}`}
        </p>
        {selected.size > 0 ? (
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
            Clear selection
          </Button>
        ) : null}
        <Button size="sm" variant="primary" disabled={chosen.length === 0} onClick={() => setSharing(true)}>
          <ShareIcon />
          Share these
        </Button>
        <a
          href={selectionHref("/api/picks/contact-sheet", chosen)}
          target="_blank"
          rel="noopener"
          aria-disabled={chosen.length === 0 || chosen.length > SHEET_MAX}
          className={buttonClasses("secondary", "sm")}
          title={chosen.length > SHEET_MAX ? `A contact sheet holds at most ${SHEET_MAX} picks` : undefined}
        >
          <ImageIcon />
          Contact sheet
        </a>
        <a
          href={selectionHref("/api/picks/download", chosen)}
          aria-disabled={chosen.length === 0}
          className={buttonClasses("secondary", "sm")}
        >
          <DownloadIcon />
          ZIP
        </a>
      </div>

      <p id={instructionsId} className="sr-only">
        Arrow keys move the pick one place, Home and End to the first or last place.
      </p>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {board.error || reorder.error ? (
        <p role="alert" className="rounded-lg bg-danger-soft px-4 py-3 text-sm text-danger">
          {board.error
            ? `Could not load picks: ${errorText(board.error)}`
            : `Could not save the order: ${errorText(reorder.error!)}`}
        </p>
      ) : null}

      {board.isPending ? (
        <div className="flex items-center gap-2 text-fg-muted" role="status">
          <Spinner /> Loading picks…
        </div>
      ) : picks.length === 0 ? (
        <div className="grid justify-items-center gap-3 rounded-card border border-dashed border-line-strong p-12 text-center">
          <p className="font-medium">{filtered ? "No picks match these filters" : "No picks yet"}</p>
          {filtered ? (
            <Button onClick={() => setFilters(NO_FILTERS)}>Clear filters</Button>
          ) : (
            <p className="text-sm text-fg-muted">
              Star images on a run, and they gather here. <Link href="/history">Open history</Link>
            </p>
          )}
        </div>
      ) : (
        <ol
          aria-label="Picks"
          className="grid grid-cols-1 gap-4 min-[480px]:grid-cols-2 md:grid-cols-3 xl:grid-cols-4 2xl:grid-cols-5"
        >
          {picks.map((pick, index) => (
            <li
              key={pick.image.id}
              draggable
              onDragStart={(event) => {
                setDragged(pick.image.id);
                event.dataTransfer.effectAllowed = "move";
              }}
              onDragOver={(event) => {
                if (dragged) event.preventDefault();
              }}
              onDrop={(event) => {
                event.preventDefault();
                if (dragged) move(dragged, index);
                setDragged(null);
              }}
              onDragEnd={() => setDragged(null)}
              className={dragged === pick.image.id ? "opacity-50" : undefined}
            >
              <PickCard
                pick={pick}
                place={index + 1}
                count={picks.length}
                selected={selected.has(pick.image.id)}
                onSelect={(on) =>
                  setSelected((current) => {
                    const next = new Set(current);
                    if (on) next.add(pick.image.id);
                    else next.delete(pick.image.id);
                    return next;
                  })
                }
                onMove={(to) =>
                  move(
                    pick.image.id,
                    to === "first" ? 0 : to === "last" ? ids.length - 1 : index + (to === "earlier" ? -1 : 1),
                  )
                }
                handleRef={(element) => {
                  if (element) handles.current.set(pick.image.id, element);
                  else handles.current.delete(pick.image.id);
                }}
                instructionsId={instructionsId}
              />
            </li>
          ))}
        </ol>
      )}

      {board.hasNextPage ? (
        <Button
          onClick={() => board.fetchNextPage()}
          disabled={board.isFetchingNextPage}
          className="justify-self-center"
        >
          {board.isFetchingNextPage ? <Spinner /> : null}
          Load more
        </Button>
      ) : null}
      {sharing ? (
        <LazyShareDialog
          open
          onClose={() => setSharing(false)}
          selection={{ imageIds: chosen.map((pick) => pick.image.id) }}
          summary={`Share ${chosen.length} ${chosen.length === 1 ? "pick" : "picks"} in this order as one gallery.`}
          defaultTitle="Picks"
        />
      ) : null}
    </div>
  );
}
