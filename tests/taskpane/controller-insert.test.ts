import { HostError } from "../../src/plan/host";
import { COUNT_FIELDS, defaultInsert, lastMonthEnd } from "../../src/taskpane/insert-form";
import { FakeHost } from "./fake-host";
import { NOVEMBER, OCTOBER, paneOn, returnOf } from "./support";

/** A controller whose form is set to the 2011 form (the default is now FF301). */
function pane2011(host: FakeHost) {
  const pane = paneOn(host);
  pane.controller.updateInsert({ formId: "legacy-2011" });
  return pane;
}

describe("the new-return form", () => {
  test("on the 2011 form: last month's end, ordinary (1) in use and the default counts", () => {
    const { controller } = pane2011(new FakeHost());
    expect(controller.state.input).toEqual({
      formId: "legacy-2011",
      monthEnded: "2011-11-30",
      issuer: "",
      submitted: "",
      classes: {
        ord1: { inUse: true, stockCode: "", description: "" },
        ord2: { inUse: false, stockCode: "", description: "" },
        pref: { inUse: false, stockCode: "", description: "" },
        other: { inUse: false, stockCode: "", description: "" },
      },
      classCount: "1",
      blocks: [
        {
          className: "Ordinary shares",
          type: "Not applicable",
          listed: "Yes",
          stockCode: "",
          description: "",
        },
      ],
      counts: {
        options: "1",
        fundsLines: "1",
        warrants: "0",
        convertibles: "0",
        arrangements: "0",
        otherMovements: "1",
      },
    });
    expect(controller.state.errors).toEqual({});
  });

  test.each([
    [
      { year: 2012, month: 1, day: 3 },
      { year: 2011, month: 12, day: 31 },
    ],
    [
      { year: 2012, month: 3, day: 1 },
      { year: 2012, month: 2, day: 29 },
    ],
    [
      { year: 2011, month: 3, day: 31 },
      { year: 2011, month: 2, day: 28 },
    ],
  ])("defaults the month ended on %j to %j", (today, expected) => {
    expect(lastMonthEnd(today)).toEqual(expected);
    expect(defaultInsert(today).monthEnded).toBe(
      `${expected.year}-${String(expected.month).padStart(2, "0")}-${expected.day}`
    );
  });

  test("names every field that needs attention and inserts nothing", async () => {
    const host = new FakeHost();
    const { controller } = pane2011(host);
    controller.updateInsert({
      monthEnded: "",
      issuer: "  ",
      classes: { ord1: { inUse: false, stockCode: "", description: "" } },
      counts: {
        options: "201",
        fundsLines: "abc",
        warrants: "-1",
        convertibles: "1.5",
        arrangements: "",
        otherMovements: "200",
      },
    });
    await controller.insert();
    expect(controller.state.errors).toEqual({
      monthEnded: "Type the month ended as dd/mm/yyyy, for example 30/06/2026",
      issuer: "Enter the issuer's name",
      classes: "Choose at least one class of shares",
      options: "Between 0 and 200 option lines",
      fundsLines: "Between 0 and 200 funds lines",
      warrants: "Between 0 and 200 warrant lines",
      convertibles: "Between 0 and 200 convertible lines",
      arrangements: "Between 0 and 200 other arrangement lines",
    });
    expect(controller.state.status).toEqual({
      kind: "error",
      text: "8 fields need attention: Type the month ended as dd/mm/yyyy, for example 30/06/2026.",
    });
    expect(host.count("insertTemplate")).toBe(0);
    expect(host.count("listReturns")).toBe(0);
  });

  test("asks for the last day of the month and a submission after it", async () => {
    const { controller } = pane2011(new FakeHost());
    controller.updateInsert({ monthEnded: "2011-11-15", submitted: "2011-11-10", issuer: "X" });
    await controller.insert();
    expect(controller.state.errors).toEqual({
      monthEnded: "Choose the last day of the month (30/11/2011)",
      submitted: "The date submitted comes after the month ended",
    });
  });

  test("shows messages only after a submit, then clears each as it is corrected", async () => {
    const { controller } = pane2011(new FakeHost());
    controller.updateInsert({ counts: { ...controller.state.input.counts, options: "500" } });
    expect(controller.state.errors).toEqual({});
    await controller.insert();
    expect(Object.keys(controller.state.errors).sort()).toEqual(["issuer", "options"]);
    controller.updateInsert({ issuer: "Kingsoft Corporation Limited" });
    expect(controller.state.errors).toEqual({ options: "Between 0 and 200 option lines" });
  });

  test("offers a count field for each part of the shape", () => {
    expect(COUNT_FIELDS.map((f) => f.key)).toEqual([
      "options",
      "fundsLines",
      "warrants",
      "convertibles",
      "arrangements",
      "otherMovements",
    ]);
  });
});

describe("inserting a template", () => {
  test("plans the chosen shape and header and says which sheet it made", async () => {
    const host = new FakeHost();
    const { controller } = pane2011(host);
    controller.updateInsert({
      issuer: "  Kingsoft Corporation Limited ",
      submitted: "2011-12-05",
      classes: {
        ord1: { inUse: true, stockCode: "3888", description: "Ordinary Shares" },
        ord2: { inUse: false, stockCode: "", description: "" },
        pref: { inUse: true, stockCode: "", description: "Preference" },
        other: { inUse: false, stockCode: "999", description: "ignored" },
      },
      counts: {
        options: "5",
        fundsLines: "2",
        warrants: "0",
        convertibles: "1",
        arrangements: "0",
        otherMovements: "3",
      },
    });
    await controller.insert();
    expect(host.count("insertTemplate")).toBe(1);
    const plan = host.plans[0];
    expect(plan.shape).toEqual({
      options: 5,
      fundsLines: 2,
      warrants: 0,
      convertibles: 1,
      arrangements: 0,
      otherMovements: 3,
    });
    const values = host.sheet("MR 2011-11")!.return!.values;
    // dates go to the sheet as Excel serials: 30/11/2011 and 05/12/2011
    expect(values["hdr.monthEnded"]).toBe(40877);
    expect(values["hdr.issuer"]).toBe("Kingsoft Corporation Limited");
    expect(values["hdr.submitted"]).toBe(40882);
    expect(values["auth.ord1.stockCode"]).toBe("3888");
    expect(values["auth.ord1.description"]).toBe("Ordinary Shares");
    expect(values["auth.pref.description"]).toBe("Preference");
    expect(values["auth.other.stockCode"]).not.toBe("999");
    expect(values["issued.ord2.close.shares"]).toBe("N/A"); // classes not in use read N/A
    expect(controller.state.status).toEqual({ kind: "success", text: "Inserted MR 2011-11." });
    expect(controller.state.busy).toBeNull();
  });

  test("reports the free name the host chose when the month's sheet exists", async () => {
    const host = new FakeHost().addReturn(returnOf(NOVEMBER, "MR 2011-11"));
    const { controller } = pane2011(host);
    controller.updateInsert({ issuer: "Kingsoft" });
    await controller.insert();
    expect(controller.state.status?.text).toMatch(/^Inserted MR 2011-11 \(2\)/);
  });

  test("finds last month's sheet by its month, not by its name or position", async () => {
    const host = new FakeHost()
      .addReturn(returnOf(NOVEMBER, "Latest figures"))
      .addPlainSheet("Notes")
      .addReturn(returnOf(OCTOBER, "MR 2011-12")); // misleading name, last tab
    const { controller } = pane2011(host);
    controller.updateInsert({ issuer: "Kingsoft", monthEnded: "2011-12-31" });
    await controller.insert();
    const formulas = host.plans[0].cells.map((c) => c.content).filter((c) => c.startsWith("="));
    expect(formulas.some((f) => f.includes("'Latest figures'!"))).toBe(true);
    expect(formulas.some((f) => f.includes("'MR 2011-12'!"))).toBe(false);
    expect(controller.state.status?.text).toBe(
      "Inserted MR 2011-12 (2) (its cross-month checks read Latest figures)."
    );
  });

  test("links no sheet of another issuer as last month's, and says why", async () => {
    const other = returnOf(NOVEMBER, "Latest figures", {
      "hdr.issuer": "Another Issuer Limited",
      "auth.ord1.stockCode": "9999",
    });
    const host = new FakeHost().addReturn(other);
    const { controller } = pane2011(host);
    controller.updateInsert({ issuer: "Kingsoft", monthEnded: "2011-12-31" });
    await controller.insert();
    expect(host.plans).toHaveLength(1);
    expect(host.plans[0].cells.some((c) => c.content.includes("'Latest figures'!"))).toBe(false);
    expect(controller.state.status?.text).toMatch(
      /^Inserted MR 2011-12 without checks against last month's sheet: Last month's return is of another issuer/
    );
  });

  test("plans no cross-month reference when last month is not in the workbook", async () => {
    const host = new FakeHost().addReturn(returnOf(OCTOBER, "MR 2011-10"));
    const { controller } = pane2011(host);
    controller.updateInsert({ issuer: "Kingsoft", monthEnded: "2011-12-31" });
    await controller.insert();
    expect(host.plans[0].cells.some((c) => c.content.includes("!"))).toBe(false);
    expect(controller.state.status?.text).toBe("Inserted MR 2011-12.");
  });

  test("shows a HostError's message and stays usable", async () => {
    const host = new FakeHost();
    host.failures.set(
      "insertTemplate",
      new HostError("Excel is in cell-edit mode. Press Enter or Esc, then try again.", "editMode")
    );
    const { controller, logged } = pane2011(host);
    controller.updateInsert({ issuer: "Kingsoft" });
    await controller.insert();
    expect(controller.state.status).toEqual({
      kind: "error",
      text: "Excel is in cell-edit mode. Press Enter or Esc, then try again.",
    });
    expect(controller.state.busy).toBeNull();
    expect(logged).toEqual([]);
    await controller.insert();
    expect(controller.state.status?.text).toBe("Inserted MR 2011-11.");
  });

  test("recognises a HostError from another JS context by its name", async () => {
    const host = new FakeHost();
    const foreign = Object.assign(new Error("The sheet is protected."), { name: "HostError" });
    host.failures.set("listReturns", foreign);
    const { controller } = pane2011(host);
    controller.updateInsert({ issuer: "Kingsoft" });
    await controller.insert();
    expect(controller.state.status).toEqual({ kind: "error", text: "The sheet is protected." });
  });

  test("shows a plain message for an unexpected error and logs it", async () => {
    const host = new FakeHost();
    const bug = new TypeError("x is undefined");
    host.failures.set("insertTemplate", bug);
    const { controller, logged } = pane2011(host);
    controller.updateInsert({ issuer: "Kingsoft" });
    await controller.insert();
    expect(controller.state.status).toEqual({
      kind: "error",
      text: "Something went wrong. Try again; if it keeps happening, reload the add-in.",
    });
    expect(logged).toEqual([bug]);
  });

  test("does nothing while the host lacks what the add-in needs", async () => {
    const host = new FakeHost();
    host.missing = ["ExcelApi 1.12"];
    const { controller } = pane2011(host);
    controller.updateInsert({ issuer: "Kingsoft" });
    await controller.insert();
    await controller.check();
    await controller.rollForward();
    expect(controller.state.missing).toEqual(["ExcelApi 1.12"]);
    expect(host.calls.map((c) => c.method)).toEqual(["missingRequirements"]);
  });
});
