import "server-only";
import type { RunListView, RunView } from "@/lib/api/views";
import type { Database } from "@/lib/db/client";
import { getRunRows, listRunRows, type ListRunsOptions } from "@/lib/db/queries/runs";
import { toRunListView, toRunView } from "./to-views";

/** The run as the browser sees it: jobs in submission order, each with its stored images. */
export async function getRunView(db: Database, id: string): Promise<RunView | null> {
  const rows = await getRunRows(db, id);
  return rows ? toRunView(rows) : null;
}

/** History, newest first, a page at a time. */
export async function listRuns(db: Database, options: ListRunsOptions): Promise<RunListView> {
  return toRunListView(await listRunRows(db, options));
}
