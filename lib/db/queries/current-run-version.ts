import "server-only";
import type { Database } from "../client";
import { writeEpochOf, type WriteEpoch } from "../write-epoch";
import { getRunVersion } from "./runs";

/** The versions read at one write epoch; any later write makes them all unknown again. */
interface KnownVersions {
  epoch: number;
  versions: Map<string, string | null>;
}

const MAX_RUNS = 2_000;
const knownByDatabase = new WeakMap<WriteEpoch, KnownVersions>();

/**
 * getRunVersion, for the status route's every poll. On PostgreSQL it is read each time: another
 * instance may have changed the run a moment ago, and its news may not have arrived yet. On
 * embedded PGlite this process is the only writer, so a version read while no write started or
 * ended (write-epoch.ts) stays true until the next write of any kind, and is answered from memory
 * until then, skipping a query that costs more than the rest of the request.
 */
export async function currentRunVersion(db: Database, id: string): Promise<string | null> {
  const writes = writeEpochOf(db);
  const epoch = writes?.stable();
  if (!writes || epoch === undefined) return getRunVersion(db, id);
  const known = knownByDatabase.get(writes);
  const version = known?.epoch === epoch ? known.versions.get(id) : undefined;
  if (version !== undefined) return version;
  const read = await getRunVersion(db, id);
  // A write that started or ended meanwhile may or may not be in what was read: keep nothing.
  if (writes.stable() === epoch) remember(writes, epoch, id, read);
  return read;
}

function remember(writes: WriteEpoch, epoch: number, id: string, version: string | null): void {
  let known = knownByDatabase.get(writes);
  if (known?.epoch !== epoch) knownByDatabase.set(writes, (known = { epoch, versions: new Map() }));
  known.versions.set(id, version);
  if (known.versions.size > MAX_RUNS) known.versions.delete(known.versions.keys().next().value!);
}
