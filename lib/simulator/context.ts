import { CallLog } from "./call-log";
import { FaultStore, SIMULATED_PROVIDERS, type SimulatedProvider } from "./faults";
import { ImageStore } from "./image-store";
import { OutcomeStore } from "./outcomes";
import { Persistence } from "./persistence";
import { defaultSettings, type SimulatorSettings } from "./settings";

/** State shared by the control server and the provider servers of one simulator. */
export interface SimulatorContext {
  /** Mutated in place by POST /settings, so every holder sees live values. */
  readonly settings: SimulatorSettings;
  readonly faults: FaultStore;
  readonly outcomes: OutcomeStore;
  readonly calls: CallLog;
  readonly images: ImageStore;
  /** Saves jobs and images in the background when a state directory is set. */
  readonly persistence: Persistence;
  /** Each provider server's own origin, e.g. http://127.0.0.1:4011; filled in once it listens. */
  readonly origins: Record<SimulatedProvider, string>;
  /** Aborted on close: pending sleeps end and callback deliveries stop. */
  readonly signal: AbortSignal;
  /** Runs a task later unless the simulator closes first. */
  schedule(task: () => void, delayMs: number): void;
  keyAccepted(key: string | undefined): boolean;
  /** Back to the start-up settings, with no faults, outcomes or logged calls. */
  reset(): void;
  /** Counts resets, so a request held across one (a delay fault) can tell it belongs to the past. */
  readonly resets: number;
  dispose(): void;
}

export function createContext(options: {
  stepMs?: number;
  imageTtlMs?: number;
  stateDir?: string;
}): SimulatorContext {
  const settings = defaultSettings(options);
  const persistence = new Persistence(options.stateDir);
  const timers = new Set<NodeJS.Timeout>();
  const abort = new AbortController();
  let resets = 0;
  const context: SimulatorContext = {
    settings,
    faults: new FaultStore(),
    outcomes: new OutcomeStore(),
    calls: new CallLog(),
    images: new ImageStore(settings, persistence),
    persistence,
    origins: Object.fromEntries(SIMULATED_PROVIDERS.map((provider) => [provider, ""])) as Record<
      SimulatedProvider,
      string
    >,
    signal: abort.signal,
    schedule(task, delayMs) {
      if (abort.signal.aborted) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        task();
      }, delayMs);
      timers.add(timer);
    },
    keyAccepted(key) {
      if (!key) return false;
      return settings.apiKeys === null || settings.apiKeys.includes(key);
    },
    get resets() {
      return resets;
    },
    reset() {
      resets += 1;
      Object.assign(settings, defaultSettings(options));
      context.faults.clear();
      context.outcomes.clear();
      context.calls.clear();
    },
    dispose() {
      abort.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
  return context;
}
