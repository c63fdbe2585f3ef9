// The sheet's cause cell in HyperFormula: it names the mistyped cell with its address and value
// beside the verdict, the check of a correct cell tells its finding from the suspect's side, and
// where the sheet no longer matches its plan (a row of fields deleted, a row inserted among the
// lines) the cause stands aside and every check speaks for itself, as before.
import type { HyperFormula } from "hyperformula";
import { formVersion, layoutOf } from "../../src/form";
import { CAUSE_NAME } from "../../src/plan/cause";
import { decodeCause } from "../../src/rules/cause";
import { verdictOf } from "../../src/rules/verdict";
import { loadFixture } from "../support/fixtures";
import { hkmrHyperFormula } from "../support/hkmr-hyperformula";
import { EXCL, juneReturn, TOTAL } from "../support/june-return";
import { applyFixture, applyMonth, type MonthSheet } from "./workbook";

const SLIP = "1,000,250,001";
const RIGHT = "1,000,250,000";
const june = juneReturn("MR 2026-06");
const layout = layoutOf(formVersion(june.formId)!, june.shape);

let hf: HyperFormula;

beforeAll(async () => {
  hf = await hkmrHyperFormula();
});

/** The cause cell's value on a month's sheet. */
const causeOf = (month: MonthSheet): unknown => {
  const name = month.plan.names.find((n) => n.name === CAUSE_NAME)!;
  return hf.getCellValue(hf.simpleCellAddressFromString(name.address, month.sheet.sheetId)!);
};
const addressOf = (month: MonthSheet, field: string): string =>
  month.plan.names.find((n) => n.field === field)!.address;
/** The check cells that are not OK, by key. */
const failing = (month: MonthSheet): Record<string, string> =>
  Object.fromEntries(
    month.plan.checks
      .map((c) => [c.key, month.sheet.checkValue(c.key)] as const)
      .filter(([, text]) => text !== "OK")
  );

describe("a June FF301 sheet with the closing balance excluding treasury shares mistyped", () => {
  let month: MonthSheet;

  beforeAll(() => {
    month = applyMonth(hf, { layout, values: { ...june.values, [EXCL]: SLIP } });
  });

  test("the summary names that cell, at its address, with the value that clears both errors", () => {
    expect(month.sheet.summary()).toBe(
      `2 errors · Likely cause: ${addressOf(month, EXCL)}, ${layout.byId.get(EXCL)!.label}. ` +
        `${RIGHT} would clear 2 errors.`
    );
    expect(decodeCause(causeOf(month))!.suspects[0]).toMatchObject({
      field: EXCL,
      value: RIGHT,
      current: SLIP,
    });
  });

  test("no check tells the reader to change the correct total", () => {
    const texts = Object.values(failing(month));
    expect(texts).toHaveLength(2);
    for (const text of texts) {
      expect(text).toMatch(/^Error: /);
      expect(text).toContain(`expected ${RIGHT}`);
      expect(text).not.toContain(`found ${june.values[TOTAL] as string}`);
    }
    // the total's own check says the mistyped cell's value makes it hold too
    expect(texts.some((t) => t.includes("which also makes this check hold"))).toBe(true);
  });

  test("the checks read as the engine's verdict tells them", () => {
    const engine = verdictOf({ layout, values: month.sheet.readValues() });
    for (const [key, text] of Object.entries(failing(month)))
      expect(engine.findings.find((f) => f.instance === key)!.message).toBe(
        text.replace(/^Error: /, "")
      );
  });

  test("typing the value named clears the cause, the checks and the summary's errors", () => {
    month.sheet.setInput(EXCL, RIGHT);
    expect(causeOf(month)).toBe("");
    expect(failing(month)).toEqual({});
    expect(month.sheet.summary()).toBe("Ready to file");
    month.sheet.setInput(EXCL, SLIP);
  });

  test("a row of fields deleted: the cause stands aside, and the summary fails closed", () => {
    const at = hf.simpleCellAddressFromString(addressOf(month, "A.1.remark"), month.sheet.sheetId)!;
    const before = failing(month);
    hf.removeRows(month.sheet.sheetId, [at.row, 1]);
    expect(causeOf(month)).toBe("");
    expect(month.sheet.summary()).toMatch(/^Not ready: /);
    hf.undo();
    expect(failing(month)).toEqual(before);
  });
});

describe("the seed with a row inserted among its option lines", () => {
  let november: MonthSheet;

  beforeAll(() => {
    november = applyFixture(hf, loadFixture("seed-kingsoft-2011-11.json")).month;
    const at = hf.simpleCellAddressFromString(
      addressOf(november, "A.2.exercised"),
      november.sheet.sheetId
    )!;
    hf.addRows(november.sheet.sheetId, [at.row, 1]);
  });

  test("reads ready, with no cause: the inserted line and the names disagree on line numbers", () => {
    expect(causeOf(november)).toBe("");
    expect(november.sheet.summary()).toBe("Ready to file");
  });

  test("a slip there is still marked by its own check", () => {
    november.sheet.setInput("A.3.exercised", "37,001");
    const texts = Object.values(failing(november));
    november.sheet.setInput("A.3.exercised", "37,000");
    expect(texts.filter((t) => t.startsWith("Error: ") && t.includes("37,001"))).not.toEqual([]);
  });
});

describe("rows inserted above a table: the keys say where each row is now", () => {
  test("the cause still names the mistyped cell, at its new address", () => {
    const month = applyMonth(hf, { layout, values: { ...june.values, [EXCL]: SLIP } });
    const at = hf.simpleCellAddressFromString(addressOf(month, "hdr.issuer"), month.sheet.sheetId)!;
    hf.addRows(month.sheet.sheetId, [at.row, 2]);
    const [top] = decodeCause(causeOf(month))!.suspects;
    const moved = addressOf(month, EXCL).replace(/\d+$/, (row) => String(Number(row) + 2));
    expect([top.field, top.address, top.value]).toEqual([EXCL, moved, RIGHT]);
    expect(month.sheet.summary()).toContain(`Likely cause: ${moved}, `);
  });
});

describe("with last month's sheet", () => {
  test("the closing balance pinned by last month is named alone, where without it two tie", () => {
    const fixture = loadFixture("bad-months-apart-close-off.json");
    const pair = loadFixture("pair-example-2021-02.json");
    const [previous] = [applyMonth(hf, pair.month)];
    const month = applyMonth(hf, fixture.month, previous.sheet.sheetName);
    const alone = applyMonth(hf, fixture.month);
    const [withPrevious] = decodeCause(causeOf(month))!.suspects;
    const [without] = decodeCause(causeOf(alone))!.suspects;
    expect(without.tiedWith.length).toBeGreaterThan(0);
    expect(withPrevious.tiedWith).toEqual([]);
    expect(withPrevious.field).toBe("issued.ord1.close.shares");
  });
});
