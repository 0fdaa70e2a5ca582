import "server-only";
import type { ScorecardInput } from "@/lib/api/scorecard-requests";
import type {
  ScorecardConfigurationView,
  ScorecardFigures,
  ScorecardView,
  WinRateView,
} from "@/lib/api/views";
import type { Database } from "@/lib/db/client";
import {
  SECONDS_BUCKETS,
  scorecardFigures,
  scorecardPairs,
  type PairRow,
  type ScorecardFigureRow,
} from "@/lib/db/queries/scorecard";
import { storedConfigurationLabel } from "@/lib/labels/names";
import { wilsonInterval } from "./wilson";

/**
 * The scorecard: per model and per configuration label, what the owner's own runs and reviews say.
 * The database aggregates (lib/db/queries/scorecard.ts); only the interval is computed here, over
 * the aggregated pair counts.
 */

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function winRate(pairs: PairRow[], matches: (modelId: string, label: string | null) => boolean): WinRateView {
  let wins = 0;
  let losses = 0;
  for (const pair of pairs) {
    if (matches(pair.winnerModelId, pair.winnerLabel)) wins += pair.count;
    if (matches(pair.loserModelId, pair.loserLabel)) losses += pair.count;
  }
  const interval = wilsonInterval(wins, wins + losses);
  return {
    value: interval?.value ?? null,
    low: interval?.low ?? null,
    high: interval?.high ?? null,
    comparisons: wins + losses,
  };
}

function figures(row: ScorecardFigureRow, rate: WinRateView): ScorecardFigures {
  return {
    runs: row.runs,
    images: row.images,
    medianSeconds: row.medianSeconds,
    p95Seconds: row.p95Seconds,
    failureRate: ratio(row.failed, row.finished),
    costPerImageUsd: row.costUsd === null ? null : ratio(row.costUsd, row.pricedImages),
    costAssumed: row.costAssumed,
    starsPerImage: ratio(row.stars, row.images),
    winRate: rate,
  };
}

export async function getScorecard(db: Database, scope: ScorecardInput): Promise<ScorecardView> {
  const [rows, pairs] = await Promise.all([scorecardFigures(db, scope), scorecardPairs(db, scope)]);
  const modelPairs = pairs.filter((pair) => pair.byModel);
  const configurationPairs = pairs.filter((pair) => !pair.byModel);
  const models = rows
    .filter((row) => row.byModel)
    .map((model) => {
      const configurations: ScorecardConfigurationView[] = rows
        .filter((row) => !row.byModel && row.modelId === model.modelId)
        .map((row) => ({
          label: storedConfigurationLabel({ modelId: row.modelId, label: row.label ?? undefined }),
          ...figures(
            row,
            winRate(configurationPairs, (modelId, label) => modelId === row.modelId && label === row.label),
          ),
        }));
      return {
        modelId: model.modelId,
        ...figures(
          model,
          winRate(modelPairs, (modelId) => modelId === model.modelId),
        ),
        configurations,
        secondsHistogram: model.secondsHistogram,
      };
    });
  return { models, secondsBuckets: [...SECONDS_BUCKETS], interval: "wilson-95" };
}
