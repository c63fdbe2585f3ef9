import { formVersion, layoutOf, type Shape } from "../../src/form";
import { readMeta } from "../../src/plan/meta";
import { shapeCode, shapeOfCode } from "../../src/rules/check-cell";
import { reconcile } from "../../src/rules/reconcile";
import { readReturn } from "../../src/rules/return-doc";
import { fixtureNames, loadFixture } from "../support/fixtures";
import { withValue } from "../support/figures-read";

// Typed (E) lines repeated per class (issue 16, item 7): shape.eLines gives a type more lines,
// keyed repurchase, repurchase2, ...; each keeps its type's direction, and files without it read
// as before.

const ff301 = formVersion("ff301-1.2")!;
const BASE: Shape = {
  classes: 2,
  options: 0,
  fundsLines: 0,
  warrants: 0,
  convertibles: 0,
  arrangements: 0,
  otherMovements: 1,
};
const TWO: Shape = { ...BASE, eLines: { repurchase: 2, placing: 3 } };
const pair = loadFixture("ff301-repurchases-two-classes-2026-10.json");

describe("the layout of repeated typed (E) lines", () => {
  const layout = layoutOf(ff301, TWO);

  test("puts each type's lines together, the first keeping the type's key, Other lines last", () => {
    const keys = layout.domains.eLine;
    expect(keys.slice(keys.indexOf("placing"), keys.indexOf("placing") + 3)).toEqual([
      "placing",
      "placing2",
      "placing3",
    ]);
    expect(keys.slice(keys.indexOf("repurchase"), keys.indexOf("repurchase") + 2)).toEqual([
      "repurchase",
      "repurchase2",
    ]);
    expect(keys.at(-1)).toBe("other1");
    expect(keys.length).toBe(layoutOf(ff301, BASE).domains.eLine.length + 3);
  });

  test("gives a repeated line its type: a repurchase decreases, a placing increases", () => {
    expect(layout.eLineType("repurchase2")).toBe(layout.eLineType("repurchase"));
    expect(layout.eLineType("repurchase2").direction).toBe("decrease");
    expect(layout.eLineType("placing3").direction).toBe("increase");
    expect(() => layout.eLineType("repurchase3")).toThrow(RangeError);
    expect(layout.byId.get("E.repurchase2.issued")?.label).toBe(
      "(E) 6. Repurchase of shares #2: Number of new shares issued during the month pursuant thereto (E1)"
    );
    expect(layout.byId.get("E.repurchase2.price")?.caption).toBe("At price (if applicable)");
    expect(layout.byId.has("E.repurchase2.remark")).toBe(true);
  });

  test("is the layout of old files when no type repeats", () => {
    const ids = (shape: Shape) => layoutOf(ff301, shape).fields.map((f) => f.id);
    expect(ids({ ...BASE, eLines: {} })).toEqual(ids(BASE));
    expect(ids({ ...BASE, eLines: { repurchase: 1 } })).toEqual(ids(BASE));
    expect(ids({ ...BASE, eLines: { repurchase: 0 } })).not.toContain("E.repurchase.issued");
  });

  test("refuses a type the form does not have", () => {
    expect(() => layoutOf(ff301, { ...BASE, eLines: { buyback: 2 } })).toThrow(/buyback/);
    expect(() => layoutOf(ff301, { ...BASE, eLines: { other: 2 } })).toThrow(/other/);
    const v10 = formVersion("ff301-1.0")!;
    expect(() => layoutOf(v10, { ...BASE, eLines: { cancelTreasury: 2 } })).toThrow(RangeError);
  });
});

describe("a return file with repeated typed (E) lines", () => {
  const file = (shape: unknown, values: Record<string, string> = {}) => ({
    format: "hkmr-return/1",
    form: "ff301-1.2",
    shape,
    values,
  });

  test("reads with its lines, and an old file's lines are unchanged", () => {
    const read = readReturn(file(TWO, { "E.repurchase2.issued": "-1,000" }));
    expect(read.ok && read.layout.byId.has("E.placing3.class")).toBe(true);
    const old = readReturn(file(BASE, { "E.repurchase.issued": "-1,000" }));
    expect(old.ok && old.layout.domains.eLine.includes("repurchase2")).toBe(false);
  });

  test.each([
    ["a type the form lacks", { buyback: 2 }, "shape.eLines.buyback", /no typed part \(E\) line/],
    ["the Other lines", { other: 2 }, "shape.eLines.other", /otherMovements/],
    ["a fraction", { repurchase: 1.5 }, "shape.eLines.repurchase", /int/i],
    ["too many lines", { repurchase: 201 }, "shape.eLines.repurchase", /200/],
  ])("names %s at its count", (_, eLines, path, message) => {
    const read = readReturn(file({ ...BASE, eLines }));
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.problems.map((p) => p.path)).toEqual([path]);
      expect(read.problems[0].message).toMatch(message);
    }
  });

  test("names a second line the shape does not give", () => {
    const read = readReturn(file(BASE, { "E.repurchase2.issued": "-1,000" }));
    expect(!read.ok && read.problems.map((p) => p.path)).toEqual([
      'values["E.repurchase2.issued"]',
    ]);
  });
});

describe("the shape code of a sheet", () => {
  test("keeps the code old sheets have when no type repeats", () => {
    expect(shapeCode(BASE)).toBe("k2.o0.f0.w0.c0.a0.e1");
  });

  test("carries the repeated types and reads back", () => {
    expect(shapeCode(TWO)).toBe("k2.o0.f0.w0.c0.a0.e1.tplacing3.trepurchase2");
    expect(shapeOfCode(shapeCode(TWO))).toEqual(TWO);
    expect(readMeta(`ff301-1.2|${shapeCode(TWO)}|2026-10-31`)?.shape).toEqual(TWO);
  });

  test("is not read with a type the form does not have", () => {
    expect(readMeta("ff301-1.2|k2.o0.f0.w0.c0.a0.e1.tbuyback2|2026-10-31")).toBeNull();
    expect(readMeta("ff301-1.0|k2.o0.f0.w0.c0.a0.e1.tcancelTreasury2|2026-10-31")).toBeNull();
  });
});

describe("repurchases in two classes (the fixture pair)", () => {
  test("the good return and its bad twin are fixtures", () => {
    expect(fixtureNames()).toEqual(
      expect.arrayContaining([
        "ff301-repurchases-two-classes-2026-10.json",
        "bad-ff301-repurchase-second-class.json",
      ])
    );
    expect(pair.doc.shape.eLines).toEqual({ repurchase: 2 });
  });

  test("a repurchase written as an increase on the second line still counts as a decrease", () => {
    const findings = reconcile(withValue(pair.month, "E.repurchase2.issued", "3,000,000"));
    expect(findings.map((f) => [f.severity, f.ruleId, f.cells[0]])).toEqual([
      ["warning", "sign.lines", "E.repurchase2.issued"],
    ]);
  });

  test("the second line counts in the class its class cell names, not the first", () => {
    const moved = withValue(pair.month, "E.repurchase2.class", "H shares");
    const wrong = reconcile(moved).filter((f) => f.ruleId === "part.subtotals");
    expect(wrong.map((f) => f.cells[0]).sort()).toEqual(["E.total.c1", "E.total.c2"]);
  });
});
