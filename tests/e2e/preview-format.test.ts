// What the preview's grid shows for a value and what it stores for what is typed.
import { displayText, formatNumber } from "../../src/preview/number-format";
import { blockEdits, editorAction, gridAction, parseBlock } from "../../src/preview/grid-keys";
import { a1Of, cellOfA1, rectsOf } from "../../src/preview/sheet-model";
import { entryOf } from "../../src/preview/entry";

test.each([
  [1167673933, "#,##0;(#,##0)", "1,167,673,933"],
  [-52000, "#,##0;(#,##0)", "(52,000)"],
  [0, "#,##0;(#,##0)", "0"],
  [10292, "#,##0.00;(#,##0.00)", "10,292.00"],
  [-0.5, "#,##0.00;(#,##0.00)", "(0.50)"],
  [1200000.005, "#,##0.00;(#,##0.00)", "1,200,000.01"],
  [0.0005, "#,##0.00########", "0.0005"],
  [0.2, "#,##0.00########", "0.20"],
  [3.6, "#,##0.00########", "3.60"],
  [-7, "#,##0", "-7"],
  [40877, "dd/mm/yyyy", "30/11/2011"],
  [38168, "dd/mm/yyyy", "30/06/2004"],
  [38168, "d/m/yy", "30/6/04"],
  [46203, "dd mmmm yyyy", "30 June 2026"],
  [46206, "dd mmmm yyyy", "03 July 2026"],
  // pinned to English (the plan's date formats): the locale code is not shown
  [46206, "[$-409]dd mmmm yyyy", "03 July 2026"],
  [40877, "[$-409]dd/mm/yyyy", "30/11/2011"],
  [46206, "d mmm yyyy", "3 Jul 2026"],
  [1234.5, undefined, "1234.5"],
  [1234.5, "@", "1234.5"],
  [0.1 + 0.2, "General", "0.3"],
])("shows %p through %p as %p", (value, format, shown) => {
  expect(formatNumber(value, format)).toBe(shown);
});

test.each([
  ["Nil", "#,##0;(#,##0)", false, "Nil"],
  ["1,234", "#,##0;(#,##0)", false, "1,234"],
  [null, "#,##0", false, ""],
  [true, undefined, false, "TRUE"],
  [{ error: "#VALUE!" }, "#,##0", false, "#VALUE!"],
  [40877, undefined, true, "30/11/2011"],
  [40877, "@", true, "30/11/2011"],
])("shows the cell value %p (format %p, date %p) as %p", (value, format, isDate, shown) => {
  expect(displayText(value, format, isDate)).toBe(shown);
});

test.each([
  ["1,167,673,933", "#,##0;(#,##0)", 1167673933],
  ["(500)", "#,##0;(#,##0)", -500],
  ["-1,000", "#,##0;(#,##0)", -1000],
  ["1,200,000.00", "#,##0.00;(#,##0.00)", 1200000],
  ["0.0005", "#,##0.00########", 0.0005],
  ["Nil", "#,##0;(#,##0)", "Nil"],
  ["US$0.0353", "#,##0.00########", "US$0.0353"],
  ["1,23", "#,##0;(#,##0)", "1,23"],
  ["(500", "#,##0;(#,##0)", "(500"],
  ["-(500)", "#,##0;(#,##0)", "-(500)"],
  ["3888", "@", "'3888"],
  ["30/6/2004", "dd/mm/yyyy", "30/6/2004"],
  ["=1/0", "#,##0", "=1/0"],
  ["", "#,##0", null],
])("stores %p typed into a %p cell as %p", (typed, format, stored) => {
  expect(entryOf(typed, format)).toBe(stored);
});

test.each([
  [
    "a\tb\nc\td\n",
    [
      ["a", "b"],
      ["c", "d"],
    ],
  ],
  [
    "a\tb\r\nc\td",
    [
      ["a", "b"],
      ["c", "d"],
    ],
  ],
  ["single", [["single"]]],
  ["\t\n", [["", ""]]],
])("reads the pasted block %p", (text, block) => {
  expect(parseBlock(text)).toEqual(block);
});

test("converts A1 addresses both ways, and address lists into rectangles", () => {
  expect(cellOfA1("AD114")).toEqual({ row: 113, col: 29 });
  expect(a1Of(113, 29)).toBe("AD114");
  expect(rectsOf("B13:B15,D13:D15")).toEqual([
    { row: 12, col: 1, lastRow: 14, lastCol: 1 },
    { row: 12, col: 3, lastRow: 14, lastCol: 3 },
  ]);
});

const key = (
  k: string,
  mods: Partial<Record<"shiftKey" | "ctrlKey" | "metaKey" | "altKey", boolean>> = {}
) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

test.each([
  ["ArrowDown", {}, { kind: "move", rows: 1, cols: 0 }],
  ["PageDown", {}, { kind: "move", rows: 20, cols: 0 }],
  ["Tab", { shiftKey: true }, { kind: "tab", back: true }],
  ["Enter", {}, { kind: "enter", up: false }],
  ["Home", { ctrlKey: true }, { kind: "go", to: "sheetStart" }],
  ["F2", {}, { kind: "edit", text: null }],
  ["Backspace", {}, { kind: "edit", text: "" }],
  ["Delete", {}, { kind: "clear" }],
  ["7", {}, { kind: "edit", text: "7" }],
  ["c", { ctrlKey: true }, null],
  ["z", { ctrlKey: true }, { kind: "undo" }],
  ["Z", { ctrlKey: true, shiftKey: true }, { kind: "redo" }],
  ["y", { ctrlKey: true }, { kind: "redo" }],
  ["z", { metaKey: true }, { kind: "undo" }],
  ["Shift", {}, null],
])("on the grid, %p %p does %p", (k, mods, action) => {
  expect(gridAction(key(k, mods), 20)).toEqual(action);
});

test.each([
  ["Enter", "enter", { kind: "commit", then: { kind: "enter", up: false } }],
  ["Tab", "edit", { kind: "commit", then: { kind: "tab", back: false } }],
  ["ArrowRight", "enter", { kind: "commit", then: { kind: "move", rows: 0, cols: 1 } }],
  ["ArrowRight", "edit", null],
  ["Escape", "edit", { kind: "cancel" }],
  ["a", "enter", null],
] as const)("while typing (%p in %p mode) does %p", (k, mode, action) => {
  expect(editorAction(key(k), mode)).toEqual(action);
});

test("pastes a block from the selected cell, leaving what falls off the sheet", () => {
  expect(blockEdits("1\t2\n3\t4", { row: 9, col: 1 }, 11, 3)).toEqual([
    { row: 9, col: 1, text: "1" },
    { row: 9, col: 2, text: "2" },
    { row: 10, col: 1, text: "3" },
    { row: 10, col: 2, text: "4" },
  ]);
  expect(blockEdits("1\t2\n3\t4", { row: 10, col: 2 }, 11, 3)).toEqual([
    { row: 10, col: 2, text: "1" },
  ]);
});
