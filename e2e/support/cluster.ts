import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Client } from "pg";
import { createScratchDatabase, type ScratchDatabase } from "../../lib/testing/scratch-postgres";
import { startS3TestServer, type S3TestServer } from "../../lib/testing/s3-test-server";
import { AppServer } from "../../lib/testing/app-server";
import { StandaloneSimulator } from "../../lib/testing/standalone-simulator";

const run = promisify(execFile);

export interface ClusterPorts {
  /** Instances A and B. */
  apps: [number, number];
  simulator: number;
  postgres: number;
  /** The bucket's server, fixed so a check can stop it and start it again in place. */
  bucket: number;
  /** The built-in simulator of an instance started without provider keys (its providers on the next three). */
  ownSimulator: number;
}

/**
 * Several instances as a deployment runs them: one PostgreSQL, one S3-protocol bucket (s3rver),
 * one provider simulator (standalone, so it outlives any instance), and two `next start` on them,
 * each with a DATA_DIR of its own. Each `startInstances` gets a fresh database, so the checks of
 * one phase (spend, rate limits) never see another's rows.
 */
export class Cluster {
  readonly simulator: StandaloneSimulator;
  private s3: S3TestServer | null = null;
  private readonly bucketDirectory = mkdtempSync(path.join(os.tmpdir(), "prism-e2e-cluster-bucket-"));
  private postgres: { directory: string; url: string } | null = null;
  private database: ScratchDatabase | null = null;
  private apps: AppServer[] = [];
  private readonly instanceEnv: Record<string, string>[] = [];
  private readonly dataDirs: string[] = [];

  constructor(private readonly ports: ClusterPorts) {
    this.simulator = new StandaloneSimulator(ports.simulator);
  }

  get a(): AppServer {
    return this.instance(0);
  }

  get b(): AppServer {
    return this.instance(1);
  }

  async setUp(): Promise<void> {
    const { stdout } = await run("bash", ["scripts/pg-test-server.sh"], {
      env: { ...process.env, PG_TEST_PORT: String(this.ports.postgres) },
    });
    const [directory, url] = stdout.trim().split(" ");
    this.postgres = { directory: directory!, url: url! };
    await this.startBucket();
    await this.simulator.start();
  }

  /** The bucket goes down (connections refused), as in an outage; its objects are kept. */
  async stopBucket(): Promise<void> {
    await this.s3?.close();
  }

  /** PostgreSQL goes down (connections refused), as in an outage; its data is kept. */
  async stopPostgres(): Promise<void> {
    await run("bash", ["scripts/pg-test-server.sh", "down", this.postgres!.directory]);
  }

  async startPostgres(): Promise<void> {
    await run("bash", ["scripts/pg-test-server.sh", "up", this.postgres!.directory]);
  }

  async startBucket(): Promise<void> {
    this.s3 = await startS3TestServer({
      bucket: "prism-cluster",
      port: this.ports.bucket,
      directory: this.bucketDirectory,
    });
  }

  /** Both instances on a fresh database with `env` on top (e.g. a rate limit); A first, then B. */
  async startInstances(env: Record<string, string> = {}): Promise<void> {
    await this.stopInstances();
    await this.simulator.control.reset();
    this.database = await createScratchDatabase(this.postgres!.url, "prism_cluster");
    this.apps = this.ports.apps.map((port, index) => {
      this.instanceEnv[index] = env;
      return this.app(port, { ...this.simulator.providerEnv("cluster-test-key"), ...env });
    });
    // One at a time: B then boots on a migrated database, as a rolling deployment would.
    for (const app of this.apps) await app.start();
  }

  /**
   * Restarts instance `index` (SIGTERM, then start) without provider keys, on the same database and
   * bucket: it runs its own built-in simulator, as an instance whose keys were forgotten would.
   */
  async restartWithoutKeys(index: 0 | 1): Promise<void> {
    await this.instance(index).stop();
    this.apps[index] = this.app(
      this.ports.apps[index],
      { PRISM_SIMULATOR: "on", ...this.instanceEnv[index] },
      this.ports.ownSimulator,
    );
    await this.apps[index].start();
  }

  private app(port: number, env: Record<string, string>, simulatorPort = this.ports.simulator): AppServer {
    const dataDir = path.join(os.tmpdir(), `prism-e2e-cluster-${port}-${process.pid}-${Date.now()}`);
    this.dataDirs.push(dataDir);
    return new AppServer({
      port,
      dataDir,
      simulatorPort,
      env: { ...this.s3!.env, DATABASE_URL: this.database!.url, PRISM_RATE_LIMIT_PER_MINUTE: "0", ...env },
    });
  }

  /** Starts both instances unless they run (with whatever settings they were started with). */
  async ensureInstances(): Promise<void> {
    if (this.apps.length === 0) await this.startInstances();
  }

  async stopInstances(): Promise<void> {
    await Promise.all(this.apps.map((app) => app.stop().catch(() => undefined)));
    this.apps = [];
    await this.database?.drop().catch(() => undefined);
    this.database = null;
  }

  async tearDown(): Promise<void> {
    await this.stopInstances();
    await this.simulator.stop().catch(() => undefined);
    await this.s3?.close().catch(() => undefined);
    if (this.postgres) await run("bash", ["scripts/pg-test-server.sh", "stop", this.postgres.directory]);
    for (const dataDir of [...this.dataDirs, this.bucketDirectory])
      rmSync(dataDir, { recursive: true, force: true });
  }

  /** A connection to the current phase's database, for checks the API cannot show (leases). */
  async sql(): Promise<Client> {
    const client = new Client({ connectionString: this.database!.url });
    await client.connect();
    return client;
  }

  private instance(index: number): AppServer {
    const app = this.apps[index];
    if (!app) throw new Error("Instances not started");
    return app;
  }
}
