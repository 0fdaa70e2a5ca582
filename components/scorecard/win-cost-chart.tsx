import type { ScorecardModelView } from "@/lib/api/views";
import { formatUsd } from "@/lib/format-usd";
import { modelLabel } from "@/lib/labels/names";
import { percent } from "./figures";
import { paretoFront } from "./pareto";

const WIDTH = 560;
const HEIGHT = 300;
const PAD = { left: 52, right: 20, top: 16, bottom: 40 };

/** Cost per image across, win rate up, each model's 95 % interval as a bar, the Pareto front joined. */
export function WinCostChart({ models }: { models: ScorecardModelView[] }) {
  const points = models.flatMap((model) =>
    model.costPerImageUsd !== null && model.winRate.value !== null
      ? [{ id: model.modelId, cost: model.costPerImageUsd, winRate: model.winRate.value, model }]
      : [],
  );
  if (points.length === 0) {
    return (
      <p className="text-sm text-fg-muted">
        No model has both a price and review ballots in this selection yet.
      </p>
    );
  }
  const front = paretoFront(points);
  const onFront = new Set(front.map((point) => point.id));
  const maxCost = Math.max(...points.map((point) => point.cost)) * 1.15 || 1;
  const x = (cost: number) => PAD.left + (cost / maxCost) * (WIDTH - PAD.left - PAD.right);
  const y = (rate: number) => HEIGHT - PAD.bottom - rate * (HEIGHT - PAD.top - PAD.bottom);
  const summary = `Cost per image against win rate. On the Pareto front: ${front
    .map((point) => `${modelLabel(point.id).name} (${formatUsd(point.cost)}, ${percent(point.winRate)})`)
    .join("; ")}.`;
  return (
    <figure className="grid gap-2">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="w-full max-w-2xl">
        {[0, 0.25, 0.5, 0.75, 1].map((rate) => (
          <g key={rate}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(rate)} y2={y(rate)} className="stroke-line" />
            <text x={PAD.left - 8} y={y(rate) + 4} textAnchor="end" className="fill-fg-subtle text-[11px]">
              {percent(rate)}
            </text>
          </g>
        ))}
        {[0, 0.5, 1].map((share) => (
          <text
            key={share}
            x={x(maxCost * share)}
            y={HEIGHT - PAD.bottom + 18}
            textAnchor="middle"
            className="fill-fg-subtle text-[11px]"
          >
            {formatUsd(maxCost * share)}
          </text>
        ))}
        <text x={WIDTH / 2} y={HEIGHT - 4} textAnchor="middle" className="fill-fg-muted text-[11px]">
          cost per image
        </text>
        <polyline
          points={front.map((point) => `${x(point.cost)},${y(point.winRate)}`).join(" ")}
          className="fill-none stroke-accent"
          strokeWidth={2}
          strokeDasharray="6 4"
        />
        {points.map(({ id, cost, winRate, model }) => (
          <g key={id}>
            <line
              x1={x(cost)}
              x2={x(cost)}
              y1={y(model.winRate.low ?? winRate)}
              y2={y(model.winRate.high ?? winRate)}
              className="stroke-fg-subtle"
              strokeWidth={2}
            />
            <circle
              cx={x(cost)}
              cy={y(winRate)}
              r={onFront.has(id) ? 6 : 4.5}
              className={onFront.has(id) ? "fill-accent" : "fill-surface stroke-fg-muted"}
              strokeWidth={2}
            />
            <text x={x(cost) + 9} y={y(winRate) - 8} className="fill-fg text-[11px]">
              {modelLabel(id).name}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="text-xs text-fg-muted">
        Filled points joined by the dashed line are the Pareto front: no other model is both cheaper and wins
        more often. Bars are 95 % Wilson intervals.
      </figcaption>
    </figure>
  );
}
