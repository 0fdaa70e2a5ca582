import "server-only";
import { encodePickCursor, type ListPicksInput } from "@/lib/api/pick-requests";
import type { PickListView, PickView } from "@/lib/api/views";
import type { Database } from "@/lib/db/client";
import {
  listPickRows,
  listPickRowsByIds,
  reorderPicks,
  UNORDERED_RANK,
  type PickRow,
} from "@/lib/db/queries/picks";
import { AppError } from "@/lib/errors";
import { storedConfigurationLabel } from "@/lib/labels/names";
import { forgetRun } from "@/lib/runs/finished-run-cache";
import { toImageView } from "@/lib/views/to-views";

/** The picks board: every starred image across runs, one row of the API each. */

export function toPickView(row: PickRow): PickView {
  return {
    image: toImageView(row.image),
    runId: row.image.runId,
    prompt: row.prompt,
    modelId: row.modelId,
    configuration: storedConfigurationLabel(row.config ?? { modelId: row.modelId }),
    take: row.take,
    note: row.image.note,
    position: row.image.pickPosition,
    createdAt: row.image.createdAt.toISOString(),
  };
}

export async function listPicks(db: Database, { q, model, ...page }: ListPicksInput): Promise<PickListView> {
  const { rows, hasMore } = await listPickRows(db, {
    ...page,
    q: q || undefined,
    modelId: model || undefined,
  });
  const picks = rows.map(toPickView);
  const last = rows.at(-1);
  if (!hasMore || !last) return { picks };
  return {
    picks,
    nextCursor: encodePickCursor({
      rank: last.image.pickPosition ?? UNORDERED_RANK,
      createdAt: last.image.createdAt.toISOString(),
      id: last.image.id,
    }),
  };
}

/** Sets the order of these picks; a 422 names any id that is not a starred image. */
export async function orderPicks(db: Database, imageIds: string[]): Promise<void> {
  const unknown = await reorderPicks(db, imageIds);
  if (unknown.length > 0) {
    throw new AppError("invalid_input", "Only starred images can be ordered", {
      issues: unknown.map((id) => ({
        path: `imageIds.${imageIds.indexOf(id)}`,
        message: `Not a pick: ${id}`,
      })),
    });
  }
  // The runs' cached views carry no position, but their versions moved: drop this instance's copies.
  for (const row of await listPickRowsByIds(db, imageIds)) forgetRun(row.image.runId);
}

/** A selection of the board for an export, in the order asked; a 422 names any id that is not a pick. */
export async function selectedPicks(db: Database, imageIds: string[]): Promise<PickRow[]> {
  const rows = await listPickRowsByIds(db, imageIds);
  const found = new Set(rows.map((row) => row.image.id));
  const unknown = imageIds.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    throw new AppError("invalid_input", "Only starred images can be exported from the picks board", {
      issues: unknown.map((id) => ({ path: `ids.${imageIds.indexOf(id)}`, message: `Not a pick: ${id}` })),
    });
  }
  return rows;
}
