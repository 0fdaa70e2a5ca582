import { describe, expect, it } from "vitest";
import { isTypingTarget, stepRow, triageAction } from "./triage-keys";

const key = (value: string, modifiers: Partial<Record<"ctrlKey" | "metaKey" | "altKey", boolean>> = {}) => ({
  key: value,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe("triage keys", () => {
  it("maps 1–8 to the columns the row has, 0-based", () => {
    expect(triageAction(key("1"), 3)).toEqual({ kind: "pick", column: 0 });
    expect(triageAction(key("3"), 3)).toEqual({ kind: "pick", column: 2 });
    expect(triageAction(key("4"), 3)).toBeNull();
    expect(triageAction(key("8"), 8)).toEqual({ kind: "pick", column: 7 });
    expect(triageAction(key("9"), 12)).toBeNull();
    expect(triageAction(key("0"), 8)).toBeNull();
  });

  it("maps 0 to None of these only where the rows offer it", () => {
    expect(triageAction(key("0"), 3, true)).toEqual({ kind: "none" });
    expect(triageAction(key("0"), 3)).toBeNull();
    expect(triageAction(key("0", { ctrlKey: true }), 3, true)).toBeNull();
  });

  it("maps S, N, J, K, P and ? in either case, and nothing with a modifier held", () => {
    expect(
      ["s", "S", "n", "N", "j", "J", "k", "K", "p", "?"].map((value) => triageAction(key(value), 2)),
    ).toEqual([
      { kind: "star" },
      { kind: "star" },
      { kind: "note" },
      { kind: "note" },
      { kind: "row", delta: 1 },
      { kind: "row", delta: 1 },
      { kind: "row", delta: -1 },
      { kind: "row", delta: -1 },
      { kind: "pairwise" },
      { kind: "help" },
    ]);
    expect(triageAction(key("s", { ctrlKey: true }), 2)).toBeNull();
    expect(triageAction(key("1", { metaKey: true }), 2)).toBeNull();
    expect(triageAction(key("j", { altKey: true }), 2)).toBeNull();
    expect(triageAction(key("x"), 2)).toBeNull();
  });

  it("steps rows within the run, starting at the first", () => {
    expect(stepRow(null, 1, 3)).toBe(0);
    expect(stepRow(null, -1, 3)).toBe(0);
    expect(stepRow(0, 1, 3)).toBe(1);
    expect(stepRow(2, 1, 3)).toBe(2);
    expect(stepRow(0, -1, 3)).toBe(0);
    expect(stepRow(1, -1, 3)).toBe(0);
  });

  it("treats text fields as typing, not buttons, radios or checkboxes", () => {
    const element = (tagName: string, type?: string, isContentEditable = false) => ({
      tagName,
      type,
      isContentEditable,
    });
    expect(isTypingTarget(element("TEXTAREA"))).toBe(true);
    expect(isTypingTarget(element("INPUT", "text"))).toBe(true);
    expect(isTypingTarget(element("INPUT", "search"))).toBe(true);
    expect(isTypingTarget(element("INPUT", "number"))).toBe(true);
    expect(isTypingTarget(element("SELECT"))).toBe(true);
    expect(isTypingTarget(element("DIV", undefined, true))).toBe(true);
    expect(isTypingTarget(element("INPUT", "radio"))).toBe(false);
    expect(isTypingTarget(element("INPUT", "checkbox"))).toBe(false);
    expect(isTypingTarget(element("BUTTON", "button"))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
