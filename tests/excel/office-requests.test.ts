/**
 * What Excel receives, from Office.js's own serializer (tests/support/office-runtime.ts): every
 * request of an insert, a roll forward and a check stays under 4 MB up to the largest shape the
 * pane allows, and no write request is larger than the host's own estimate of it.
 */
import type { Shape } from "../../src/form";
import { batchBytes } from "../../src/excel/insert-steps";
import { planTemplate } from "../../src/plan/template";
import { officeRuntime, OfficeHarness } from "../support/office-runtime";
import {
  largestShape,
  measureInsert,
  measureRollForward,
  optionShape,
  REQUEST_LIMIT,
  type InsertMeasure,
} from "../support/office-measure";

/** Plans of the largest shapes take seconds to serialize (a minute or two on a shared machine). */
const SLOW = 300_000;

function expectWithinLimits(m: InsertMeasure): void {
  for (const r of m.requests) expect(r.bytes).toBeLessThan(REQUEST_LIMIT);
  // a read, the add, then one request per batch, each no larger than the host estimated
  expect(m.requests).toHaveLength(2 + m.batches.length);
  m.batches.forEach((batch, k) => {
    expect(m.requests[2 + k].bytes).toBeLessThanOrEqual(batchBytes(batch));
  });
}

describe("Office.js's own runtime as the harness", () => {
  test("loads in jsdom and sends nothing anywhere", async () => {
    const harness = new OfficeHarness();
    await measureInsert(planTemplate("ff301-1.2", optionShape(1)), harness);
    expect(officeRuntime().blocked).toEqual([]);
    expect(harness.requests[0].text).toContain('"Name":"Worksheets"');
  });
});

// every form version at the largest shape (bytes grow with class blocks and lines); FF301 v1.2's
// largest is inserted by the roll-forward test below, the 2011 form has fixed class slots
const largest: [string, Shape][] = [
  ["ff301-treasury", largestShape("ff301-treasury")],
  ["ff301-1.0", largestShape("ff301-1.0")],
  ["legacy-2011", largestShape("legacy-2011")],
];

describe.each(largest)("inserting %s at its largest shape", (formId, shape) => {
  test(
    "every request is under 4 MB, and within the host's estimate",
    async () => {
      const m = await measureInsert(planTemplate(formId, shape, { monthEnded: "2026-06-30" }));
      expectWithinLimits(m);
      const sheet = m.harness.workbook.sheetByName(m.sheetName)!;
      expect(sheet.names.size).toBe(m.plan.names.length + 1);
      expect(m.harness.workbook.active).toBe(m.sheetName);
    },
    SLOW
  );
});

describe("small shapes fit few requests", () => {
  test.each([1, 20])("%i option line(s) of FF301 v1.2: one write request", async (options) => {
    const m = await measureInsert(planTemplate("ff301-1.2", optionShape(options)));
    expectWithinLimits(m);
    expect(m.batches).toHaveLength(1);
  });
});

describe("the sheet's layout through the real serializer", () => {
  test("freezes column A and the top rows, and sets the plan's row heights", async () => {
    const m = await measureInsert(planTemplate("ff301-1.2", optionShape(3)));
    const actions = m.harness.requests.flatMap(
      (r) =>
        (JSON.parse(r.text) as { Actions: { Name?: string; ArgumentInfo?: unknown }[] }).Actions
    );
    const text = m.harness.requests.map((r) => r.text).join("\n");
    expect(actions.filter((a) => a.Name === "FreezeAt").map((a) => a.ArgumentInfo)).toEqual([
      { Arguments: ["A1:A2"] },
    ]);
    expect(text.match(/"RowHeight"/g)).toHaveLength(m.plan.rowHeights.length);
  });
});

describe("roll forward and check through the real serializer", () => {
  test(
    "the check is one read-only request; the rolled month's requests are under 4 MB",
    async () => {
      const harness = new OfficeHarness();
      const shape = largestShape("ff301-1.2");
      const first = await measureInsert(
        planTemplate("ff301-1.2", shape, { monthEnded: "2026-06-30" }),
        harness
      );
      expectWithinLimits(first);
      const closing = first.plan.names.find((n) => n.field === "issued.c1.close.shares");
      harness.workbook.type(first.sheetName, closing!.address, 1_000_000);

      const { check, source, insert } = await measureRollForward(harness);

      expect(check).toHaveLength(1);
      const { Actions } = JSON.parse(check[0].text) as {
        Actions: { ActionType: number; Name: string }[];
      };
      // instantiate (1) and query (2) only, and Office.js's own keep-reference of a range (3):
      // no property set, no method of Excel's
      const writes = Actions.filter(
        (a) => a.ActionType > 2 && !(a.ActionType === 3 && a.Name === "_KeepReference")
      );
      expect(writes).toEqual([]);
      expect(source.values["issued.c1.close.shares"]).toBe(1_000_000);
      expect(insert.sheetName).toBe("MR 2026-07");
      expectWithinLimits(insert);
    },
    SLOW
  );
});
