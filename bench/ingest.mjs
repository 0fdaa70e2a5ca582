import { createReport } from "./lib/report.mjs";
import { summarize } from "./lib/stats.mjs";
import { runTsxWorker } from "./lib/tsx-worker.mjs";

const SIMULATOR_PORT = 4850;

const report = createReport("ingest", "5. Ingest: download + store + thumbnail of a 1024×1024 image");
const samples = runTsxWorker("ingest.ts", { PRISM_SIMULATOR: "on", SIMULATOR_PORT: String(SIMULATOR_PORT) });
report.method(`
  The runner's own functions, called in one process through tsx: fetchProviderImage (the SSRF-safe fetcher) from the
  simulator's DashScope CDN on loopback, then storeImage (type sniffing, sharp metadata, 384 px WebP thumbnail,
  content-addressed writes of both). ${samples.total.length} distinct 1024×1024 PNGs (median ${Math.round(summarize(samples.bytes).median / 1000)} kB),
  each already rendered by the simulator, after 3 warm-up rounds.`);
const stats = {
  download: summarize(samples.download),
  store: summarize(samples.store),
  total: summarize(samples.total),
};
report.row("ingest total, median", stats.total.median, "ms", { max: 100 });
report.row("ingest total, p95", stats.total.p95, "ms");
report.row("  download, median", stats.download.median, "ms");
report.row("  store + thumbnail, median", stats.store.median, "ms");
report.save({ stats });
