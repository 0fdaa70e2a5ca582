import type { ScorecardModelView } from "@/lib/api/views";
import { modelLabel } from "@/lib/labels/names";

const BAR_WIDTH = 34;
const HEIGHT = 64;

function bucketLabel(edges: number[], bucket: number, unit = ""): string {
  if (bucket === 0) return `<${edges[0]}${unit}`;
  if (bucket >= edges.length) return `≥${edges.at(-1)}${unit}`;
  return `${edges[bucket - 1]}–${edges[bucket]}${unit}`;
}

/** Per model, how many jobs stored their first image within each span of seconds. */
export function TimeHistogram({ models, edges }: { models: ScorecardModelView[]; edges: number[] }) {
  const shown = models.filter((model) => model.secondsHistogram.some((count) => count > 0));
  if (shown.length === 0)
    return <p className="text-sm text-fg-muted">No finished images in this selection yet.</p>;
  const width = BAR_WIDTH * (edges.length + 1);
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
      {shown.map((model) => {
        const most = Math.max(...model.secondsHistogram);
        const name = modelLabel(model.modelId).name;
        const summary = model.secondsHistogram
          .map((count, bucket) => `${bucketLabel(edges, bucket, " s")}: ${count}`)
          .join(", ");
        return (
          <li key={model.modelId} className="grid gap-1">
            <p className="text-sm font-medium">
              {name} <span className="font-normal text-fg-subtle">· jobs by seconds to first image</span>
            </p>
            <svg
              viewBox={`0 0 ${width} ${HEIGHT + 16}`}
              role="img"
              aria-label={`Time to first image of ${name}: ${summary}`}
              className="w-full max-w-sm"
            >
              {model.secondsHistogram.map((count, bucket) => {
                const height = most > 0 ? (count / most) * HEIGHT : 0;
                return (
                  <g key={bucket}>
                    <rect
                      x={bucket * BAR_WIDTH + 3}
                      y={HEIGHT - height}
                      width={BAR_WIDTH - 6}
                      height={height}
                      rx={3}
                      className="fill-accent"
                    />
                    <text
                      x={bucket * BAR_WIDTH + BAR_WIDTH / 2}
                      y={HEIGHT + 12}
                      textAnchor="middle"
                      className="fill-fg-subtle text-[8px]"
                    >
                      {bucketLabel(edges, bucket)}
                    </text>
                  </g>
                );
              })}
            </svg>
          </li>
        );
      })}
    </ul>
  );
}
