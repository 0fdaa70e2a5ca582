import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { matchesEveryWord } from "./prompt-search";
import { withoutNestedLoops } from "./planner";

/** Which jobs a scorecard counts: prompt words (every one, any order) and a start date. */
export interface ScorecardScope {
  q?: string;
  since?: Date;
}

/** Upper edges, in seconds, of the time-to-first-image histogram's buckets; the last bucket is open. */
export const SECONDS_BUCKETS = [5, 10, 20, 30, 60, 120, 300] as const;

/** One group's figures: a model (label null) or one of its configurations. */
export interface ScorecardFigureRow {
  modelId: string;
  /** The configuration label as stored; null on the model's own row (and for runs stored without one). */
  label: string | null;
  byModel: boolean;
  runs: number;
  jobs: number;
  images: number;
  medianSeconds: number | null;
  p95Seconds: number | null;
  failed: number;
  finished: number;
  /** Summed cost of succeeded jobs with a known cost, and how many images those jobs made. */
  costUsd: number | null;
  pricedImages: number;
  costAssumed: boolean;
  stars: number;
  /** Jobs per time-to-first-image bucket: bucket i ends at SECONDS_BUCKETS[i] (exclusive), the last is open. */
  secondsHistogram: number[];
}

/** Pairwise outcomes of blind (and open) review ballots between two groups. */
export interface PairRow {
  winnerModelId: string;
  winnerLabel: string | null;
  loserModelId: string;
  loserLabel: string | null;
  /** Model-level row (labels null) or configuration-level row. */
  byModel: boolean;
  count: number;
}

type RawRow = Record<string, unknown>;

/** One of percentile_cont's answers for an array of fractions; null for a group without times. */
const percentile = (values: unknown, index: number) =>
  Array.isArray(values) && values[index] !== null && values[index] !== undefined
    ? Number(values[index])
    : null;

/** A raw select's rows on either driver: postgres-js answers an array, PGlite `{ rows }`. */
async function selectRows(db: Database, query: SQL): Promise<RawRow[]> {
  const result: unknown = await db.execute(query);
  return Array.isArray(result) ? (result as RawRow[]) : ((result as { rows: RawRow[] }).rows ?? []);
}

const labelOf = (runAlias: string, jobAlias: string) =>
  sql.raw(`(${runAlias}.configs -> ${jobAlias}.config_index ->> 'label')`);

function scopeConditions(scope: ScorecardScope, jobAlias: string): SQL {
  const prompt = sql.raw(`${jobAlias}.prompt`);
  const createdAt = sql.raw(`${jobAlias}.created_at`);
  const conditions = [
    ...matchesEveryWord(prompt, scope.q),
    scope.since ? sql`${createdAt} >= ${scope.since.toISOString()}::timestamptz` : undefined,
  ].filter((condition): condition is SQL => condition !== undefined);
  return conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`true`;
}

/** The figures read whole tables: hash joins are their plan, with or without statistics. */
const selectAggregateRows = (db: Database, query: SQL): Promise<RawRow[]> =>
  withoutNestedLoops(db, (transaction) => selectRows(transaction, query));

/**
 * Every job in scope with its images (count, stars, when the first was stored), aggregated per model
 * and per configuration in one hashed pass (grouping sets) before anything is sorted: each group
 * keeps its runs and its times as arrays, then counts its distinct runs and takes the median and p95
 * of its times (percentile_cont), group by group. The time histogram is filtered counts.
 */
export async function scorecardFigures(db: Database, scope: ScorecardScope): Promise<ScorecardFigureRow[]> {
  const histogram = sql.raw(
    `array[${Array.from({ length: SECONDS_BUCKETS.length + 1 }, (_, bucket) => `count(*) filter (where bucket = ${bucket})::int`).join(", ")}]`,
  );
  const edges = sql.raw(`array[${SECONDS_BUCKETS.join(",")}]::double precision[]`);
  const rows = await selectAggregateRows(
    db,
    sql`
    with stored as (
      select job_id, count(*)::int as images, count(*) filter (where starred)::int as stars, min(created_at) as first_at
      from images group by job_id
    ),
    scoped as (
      select j.run_id, j.model_id, ${labelOf("r", "j")} as label, j.status, j.cost_assumed,
        coalesce(j.cost_usd, j.estimated_cost_usd) as cost,
        coalesce(i.images, 0) as images, coalesce(i.stars, 0) as stars,
        extract(epoch from i.first_at - j.created_at)::double precision as seconds
      from jobs j
      join runs r on r.id = j.run_id
      left join stored i on i.job_id = j.id
      where ${scopeConditions(scope, "j")}
    ),
    grouped as (
      select model_id, label, grouping(label) = 1 as by_model,
        array_agg(run_id) as run_ids,
        array_agg(seconds) filter (where seconds is not null) as seconds,
        count(*)::int as jobs,
        coalesce(sum(images), 0)::int as images,
        count(*) filter (where status = 'failed')::int as failed,
        count(*) filter (where status in ('succeeded', 'failed'))::int as finished,
        sum(cost) filter (where status = 'succeeded' and cost is not null and images > 0) as cost_usd,
        coalesce(sum(images) filter (where status = 'succeeded' and cost is not null), 0)::int as priced_images,
        coalesce(bool_or(cost_assumed) filter (where status = 'succeeded'), false) as cost_assumed,
        coalesce(sum(stars), 0)::int as stars,
        ${histogram} as histogram
      from (select *, width_bucket(seconds, ${edges}) as bucket from scoped) s
      group by grouping sets ((model_id), (model_id, label))
    )
    select model_id, label, by_model, jobs, images, failed, finished, cost_usd, priced_images, cost_assumed, stars, histogram,
      (select count(*)::int from (select distinct unnest(run_ids)) as run) as runs,
      (select percentile_cont(array[0.5, 0.95]) within group (order by second) from unnest(seconds) as second) as percentiles
    from grouped
    order by model_id, label nulls first`,
  );
  return rows.map((row) => ({
    modelId: String(row.model_id),
    label: row.label === null ? null : String(row.label),
    byModel: Boolean(row.by_model),
    runs: Number(row.runs),
    jobs: Number(row.jobs),
    images: Number(row.images),
    medianSeconds: percentile(row.percentiles, 0),
    p95Seconds: percentile(row.percentiles, 1),
    failed: Number(row.failed),
    finished: Number(row.finished),
    costUsd: row.cost_usd === null ? null : Number(row.cost_usd),
    pricedImages: Number(row.priced_images),
    costAssumed: Boolean(row.cost_assumed),
    stars: Number(row.stars),
    secondsHistogram: (row.histogram as unknown[]).map(Number),
  }));
}

/**
 * Ballots as pairwise outcomes: the picked image's model (configuration) beat every other model
 * (configuration) that had an image for the same prompt in the same review. One outcome per ballot
 * and rival group; the scope applies to the picked image's job.
 */
export async function scorecardPairs(db: Database, scope: ScorecardScope): Promise<PairRow[]> {
  const result = await selectRows(
    db,
    sql`
    with picked as (
      select b.gallery_id, j.prompt, j.model_id, ${labelOf("r", "j")} as label
      from ballots b
      join images i on i.id = b.image_id
      join jobs j on j.id = i.job_id
      join runs r on r.id = j.run_id
      where ${scopeConditions(scope, "j")}
        -- A ballot the owner excluded counts nowhere ("None of these" has no image, so no row).
        and not exists (
          select 1 from review_ballots rb
          where rb.gallery_id = b.gallery_id and rb.reviewer_id = b.reviewer_id and rb.excluded
        )
    ),
    rivals as (
      select distinct gi.gallery_id, j.prompt, j.model_id, ${labelOf("r", "j")} as label
      from gallery_images gi
      join images i on i.id = gi.image_id
      join jobs j on j.id = i.job_id
      join runs r on r.id = j.run_id
      where gi.gallery_id in (select gallery_id from picked)
    ),
    by_model as (
      select p.model_id as winner_model, null::text as winner_label, o.model_id as loser_model,
        null::text as loser_label, true as by_model, count(*)::int as count
      from picked p
      join (select distinct gallery_id, prompt, model_id from rivals) o
        on o.gallery_id = p.gallery_id and o.prompt = p.prompt and o.model_id <> p.model_id
      group by p.model_id, o.model_id
    ),
    by_configuration as (
      select p.model_id, p.label, o.model_id, o.label, false, count(*)::int
      from picked p
      join rivals o on o.gallery_id = p.gallery_id and o.prompt = p.prompt
        and (o.model_id, coalesce(o.label, '')) <> (p.model_id, coalesce(p.label, ''))
      group by p.model_id, p.label, o.model_id, o.label
    )
    select * from by_model union all select * from by_configuration`,
  );
  return result.map((row) => ({
    winnerModelId: String(row.winner_model),
    winnerLabel: row.winner_label === null ? null : String(row.winner_label),
    loserModelId: String(row.loser_model),
    loserLabel: row.loser_label === null ? null : String(row.loser_label),
    byModel: Boolean(row.by_model),
    count: Number(row.count),
  }));
}
