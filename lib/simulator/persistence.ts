import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { IMAGE_FORMATS } from "./image-render";
import { JOB_OUTCOMES } from "./outcomes";
import { JOB_PHASES, type SavedState } from "./saved-state";

/**
 * What a real provider keeps while we restart: its jobs and the image URLs it issued. Saved to
 * one JSON file per simulator; faults, outcomes, settings and the call log are test knobs and
 * start fresh.
 */

const FILE_NAME = "state.json";
const FORMAT_VERSION = 1;
// Coalesces a run's burst of changes (create, two steps, images, callback) into one write.
const SAVE_DELAY_MS = 200;

const date = z.iso.datetime().transform((text) => new Date(text));

const jobSchema = z.object({
  id: z.string(),
  modelId: z.string(),
  params: z.record(z.string(), z.unknown()),
  outcome: z.enum(JOB_OUTCOMES),
  phase: z.enum(JOB_PHASES),
  createdAt: date,
  updatedAt: date,
  completedAt: date.nullable(),
  imageUrls: z.array(z.string()),
  input: z.object({ thumbnail: z.string(), width: z.number(), height: z.number() }).optional(),
  failure: z.string().optional(),
  callbackUrl: z.string().optional(),
  callbackSettled: z.boolean(),
});

const issuedImageSchema = z.object({
  spec: z.object({
    model: z.string(),
    label: z.string(),
    prompt: z.string(),
    index: z.number(),
    width: z.number(),
    height: z.number(),
    format: z.enum(IMAGE_FORMATS),
    input: z.string().optional(),
  }),
  issuedAt: z.number(),
  expiresAt: z.number(),
  contentType: z.string(),
});

const savedStateSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  images: z.object({
    issued: z.array(z.tuple([z.string(), issuedImageSchema])),
    expiredBefore: z.number(),
  }),
  // Keyed by provider; the simulator resumes the lists of providers it still has and ignores the rest.
  jobs: z.record(z.string(), z.array(jobSchema)),
});

async function readSaved(file: string): Promise<SavedState | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = savedStateSchema.safeParse(json);
  // A torn or outdated file must not keep the simulator (and so the app's jobs) from starting.
  if (!parsed.success) {
    console.warn(`[simulator] ignoring unreadable state file ${file}`);
    return undefined;
  }
  return parsed.data;
}

/** Temp file + rename, so a crash mid-write leaves the previous state rather than half of it. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(temp, text);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Saves the simulator's state in the background, coalesced; a no-op without a directory. */
export class Persistence {
  private readonly file: string | undefined;
  private snapshot: (() => SavedState) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(stateDir: string | undefined) {
    this.file = stateDir === undefined ? undefined : path.join(stateDir, FILE_NAME);
  }

  load(): Promise<SavedState | undefined> {
    return this.file ? readSaved(this.file) : Promise.resolve(undefined);
  }

  /** Starts saving; until then changes are ignored, which is fine as the servers are not yet listening. */
  track(snapshot: () => SavedState): void {
    this.snapshot = snapshot;
  }

  /** Something worth keeping changed; it is written shortly, together with whatever follows. */
  changed(): void {
    if (!this.file || !this.snapshot || this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.save();
    }, SAVE_DELAY_MS);
  }

  /** Writes what is pending and stops saving. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.save();
    }
    await this.writing;
  }

  private save(): void {
    const { file, snapshot } = this;
    if (!file || !snapshot) return;
    // Serialised now, so the file holds the latest state even if an earlier write is still running.
    const text = JSON.stringify({ version: FORMAT_VERSION, ...snapshot() });
    // Chained so two writes never race to the rename; a failed one only costs durability.
    this.writing = this.writing
      .then(() => writeAtomically(file, text))
      .catch((error: unknown) => console.warn(`[simulator] could not save state to ${file}`, error));
  }
}
