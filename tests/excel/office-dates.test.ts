/**
 * Dates through Office.js's own serializer: the add-in sends a date as Excel's serial number
 * with an English-pinned format, so "3 July 2026" reaches Excel as 3 July in every locale
 * (text such as "03/07/2026" would be read by Excel in US order: 7 March).
 */
import { planTemplate } from "../../src/plan/template";
import { parseCell } from "../../src/values/parse";
import { OfficeHarness } from "../support/office-runtime";
import { measureInsert, measureRollForward, optionShape } from "../support/office-measure";

const addressOf = (plan: ReturnType<typeof planTemplate>, field: string): string =>
  plan.names.find((n) => n.field === field)!.address;

describe("dates reach Excel as the same day", () => {
  test("'3 July 2026' is sent as the number 46206 in an English-pinned date format", async () => {
    const plan = planTemplate("ff301-1.2", optionShape(1), {
      monthEnded: "30/06/2026",
      submitted: "3 July 2026",
    });
    const m = await measureInsert(plan);
    const submitted = m.harness.workbook.cell(m.sheetName, addressOf(plan, "hdr.submitted"));
    expect(submitted).toEqual({ value: 46206, format: "[$-409]dd mmmm yyyy" });
    const month = m.harness.workbook.cell(m.sheetName, addressOf(plan, "hdr.monthEnded"));
    expect(month).toEqual({ value: 46203, format: "[$-409]dd mmmm yyyy" });
    // a JSON number, not text for Excel to parse by the user's locale
    const sent = m.requests.map((r) => r.text).join("\n");
    expect(sent).not.toMatch(/"0?3\/0?7\/2026"|"3 July 2026"|"30\/06\/2026"/);
    const read = parseCell(submitted.value, "date");
    expect(read).toMatchObject({ tag: "date", year: 2026, month: 7, day: 3 });
  });

  test("the 2011 form's dates are serials too, in dd/mm/yyyy pinned to English", async () => {
    const plan = planTemplate("legacy-2011", optionShape(1), {
      monthEnded: "30/11/2011",
      submitted: "05/12/2011",
    });
    const m = await measureInsert(plan);
    const submitted = m.harness.workbook.cell(m.sheetName, addressOf(plan, "hdr.submitted"));
    expect(submitted).toEqual({ value: 40882, format: "[$-409]dd/mm/yyyy" });
  });

  test("a date the user typed as text is carried to next month as its serial", async () => {
    const harness = new OfficeHarness();
    const plan = planTemplate("legacy-2011", optionShape(1), { monthEnded: "30/11/2011" });
    const m = await measureInsert(plan, harness);
    // typed into a text-formatted cell, Excel keeps "03/07/2006" as the user's text
    harness.workbook.type(m.sheetName, addressOf(plan, "A.1.egmDate"), "03/07/2006");

    const { source, insert } = await measureRollForward(harness);

    expect(source.values["A.1.egmDate"]).toBe("03/07/2006"); // read as typed
    const carried = harness.workbook.cell(insert.sheetName, addressOf(insert.plan, "A.1.egmDate"));
    // 3 July 2006, read day first as the form asks, now a serial: 38901
    expect(carried.value).toBe(38901);
    expect(parseCell(carried.value, "date")).toMatchObject({ year: 2006, month: 7, day: 3 });
  });
});

describe("text is passed to Excel as the plan has it", () => {
  test("a leading apostrophe (Excel's text prefix) and whole numbers in text cells stay strings", async () => {
    const plan = planTemplate("ff301-1.2", optionShape(1), { monthEnded: "30/06/2026" });
    const issuer = plan.cells.find((c) => c.field === "hdr.issuer")!;
    const code = plan.cells.find((c) => c.field === "auth.c1.stockCode")!;
    const grid = plan.grid.map((row) => [...row]);
    grid[issuer.row - 1][issuer.col - 1] = "'=1+1";
    grid[code.row - 1][code.col - 1] = "00700";
    const cells = plan.cells.map((c) =>
      c === issuer ? { ...c, content: "'=1+1" } : c === code ? { ...c, content: "00700" } : c
    );
    const m = await measureInsert({ ...plan, grid, cells });
    expect(m.harness.workbook.cell(m.sheetName, issuer.address).value).toBe("'=1+1");
    // a stock code is text ("@"): it keeps its leading zeros, never sent as a number
    expect(code.numberFormat).toBe("@");
    expect(m.harness.workbook.cell(m.sheetName, code.address).value).toBe("00700");
  });
});
