import { HEADER_HEIGHT, LABEL_WIDTH, SHEET_GAP, SHEET_MARGIN, type SheetLayout } from "./sheet-layout";

/** What a cell without an image says instead: "Failed" with why, "Canceled", "Running"… */
export interface CellNotice {
  state: string;
  detail?: string;
}

export interface SheetText {
  title: string;
  subtitle: string;
  prompts: string[];
  /** What each row is called above its prompt; "Prompt 1", "Prompt 2"… by default. */
  rowLabels?: string[];
  /** A configuration's label ("FLUX.1 · dev") and its provider, for models served by several. */
  columns: { label: string; provider: string }[];
  /** Per row and column: null where an image is drawn on top. */
  notices: (CellNotice | null)[][];
  /** How many input images an edit run has (drawn in a "Before" strip above the header). */
  inputCount?: number;
}

const INK = "#18181b";
const MUTED = "#71717a";
const CELL = "#f1f1f4";
const LINE = 21;

/** Every string the sheet shows, so the renderer loads fonts for all of its scripts. */
export function sheetStrings(text: SheetText): string {
  const notices = text.notices
    .flat()
    .flatMap((notice) => (notice ? [notice.state, notice.detail ?? ""] : []));
  return [
    text.title,
    text.subtitle,
    ...text.prompts,
    ...(text.rowLabels ?? []),
    ...text.columns.flatMap((column) => [column.label, column.provider]),
    ...notices,
    "Before Input images, in the order the models took them",
    "0123456789",
  ].join(" ");
}

/**
 * Everything but the images, in Satori markup: the page, the labels and an empty box per cell (the
 * images are composited onto the boxes afterwards).
 */
export function SheetMarkup({ layout, text }: { layout: SheetLayout; text: SheetText }) {
  const { cell } = layout;
  const promptLines = Math.max(1, Math.floor((cell.height - 8) / LINE) - 1);
  return (
    <div
      style={{ display: "flex", position: "relative", width: "100%", height: "100%", background: "#ffffff" }}
    >
      <div
        style={{
          position: "absolute",
          left: SHEET_MARGIN,
          top: SHEET_MARGIN,
          right: SHEET_MARGIN,
          display: "flex",
          flexDirection: "column",
        }}
      >
        <div style={{ fontSize: 28, color: INK, lineClamp: 1, display: "block" }}>{text.title}</div>
        <div style={{ fontSize: 16, color: MUTED, marginTop: 6 }}>{text.subtitle}</div>
      </div>
      {text.inputCount ? (
        <div
          style={{
            position: "absolute",
            left: SHEET_MARGIN,
            top: layout.inputAt(0).top,
            width: LABEL_WIDTH - SHEET_GAP,
            display: "flex",
            flexDirection: "column",
          }}
        >
          <div style={{ fontSize: 16, color: INK }}>Before</div>
          <div style={{ fontSize: 13, color: MUTED, marginTop: 4 }}>
            {text.inputCount === 1 ? "Input image" : "Input images, in the order the models took them"}
          </div>
        </div>
      ) : null}
      {text.columns.map(({ label, provider }, column) => (
        <div
          key={`column-${column}`}
          style={{
            position: "absolute",
            left: layout.cellAt(0, column).left,
            top: layout.headerTop,
            width: cell.width,
            height: HEADER_HEIGHT - 10,
            display: "flex",
            flexDirection: "column",
            justifyContent: "flex-end",
          }}
        >
          <div style={{ fontSize: 16, lineHeight: `${LINE}px`, color: INK, display: "block", lineClamp: 2 }}>
            {label}
          </div>
          <div style={{ fontSize: 13, color: MUTED, marginTop: 2 }}>{provider}</div>
        </div>
      ))}
      {text.prompts.map((prompt, row) => (
        <div
          key={`row-${row}`}
          style={{
            position: "absolute",
            left: SHEET_MARGIN,
            top: layout.cellAt(row, 0).top,
            width: LABEL_WIDTH - SHEET_GAP,
            height: cell.height,
            display: "flex",
            flexDirection: "column",
          }}
        >
          <div style={{ fontSize: 13, color: MUTED, marginBottom: 4 }}>
            {text.rowLabels?.[row] ?? `Prompt ${row + 1}`}
          </div>
          <div
            style={{
              fontSize: 16,
              lineHeight: `${LINE}px`,
              color: INK,
              display: "block",
              lineClamp: promptLines,
            }}
          >
            {prompt}
          </div>
        </div>
      ))}
      {text.notices.flatMap((notices, row) =>
        notices.map((notice, column) => (
          <div
            key={`cell-${row}-${column}`}
            style={{
              position: "absolute",
              ...layout.cellAt(row, column),
              width: cell.width,
              height: cell.height,
              background: CELL,
              borderRadius: 6,
              display: "flex",
              flexDirection: "column",
              alignItems: "center",
              justifyContent: "center",
            }}
          >
            {notice ? <div style={{ fontSize: 16, color: INK }}>{notice.state}</div> : null}
            {notice?.detail ? (
              <div
                style={{
                  fontSize: 13,
                  lineHeight: "18px",
                  color: MUTED,
                  marginTop: 6,
                  maxWidth: cell.width - 24,
                  textAlign: "center",
                  display: "block",
                  lineClamp: 4,
                }}
              >
                {notice.detail}
              </div>
            ) : null}
          </div>
        )),
      )}
    </div>
  );
}
