import { formVersion, layoutOf } from "../../src/form";
import { HostError } from "../../src/plan/host";
import { checksOf } from "../../src/rules/reconcile";
import { FakeHost } from "./fake-host";
import { flush, NOVEMBER, OCTOBER, paneOn, resultOf, returnOf } from "./support";

const layoutOfReturn = (fixture: string) => {
  const ret = returnOf(fixture, "any");
  return layoutOf(formVersion(ret.formId)!, ret.shape);
};

/** November with three problems: a late submission, an unreadable figure, a close off by one. */
const troubled = {
  "hdr.submitted": "20/12/2011",
  "auth.ord1.close.shares": "2,400,000,000.5x",
  "issued.ord1.close.shares": "1,167,673,932",
};

describe("checking the active return", () => {
  test("says plainly when the active sheet holds no return", async () => {
    const host = new FakeHost().addPlainSheet("Sheet1").activate("Sheet1");
    const { controller } = paneOn(host);
    await controller.check();
    expect(controller.state.check).toEqual({ kind: "noReturn" });
    expect(controller.state.status).toEqual({
      kind: "info",
      text: "The active sheet holds no monthly return. Select a return sheet made by this add-in, or insert a new one.",
    });
    expect(host.calls.map((c) => c.method)).toEqual(["missingRequirements", "readActiveReturn"]);
  });

  test("passes every check of a consistent return, counting the checks", async () => {
    const host = new FakeHost()
      .addReturn(returnOf(NOVEMBER, "Nov"))
      .addReturn(returnOf(OCTOBER, "Oct"))
      .activate("Nov");
    const { controller } = paneOn(host);
    await controller.check();
    const result = resultOf(controller.state);
    expect(result).toMatchObject({
      sheetName: "Nov",
      previousSheet: "Oct",
      previousMonth: "October 2011",
      counts: { errors: 0, warnings: 0 },
      groups: [],
    });
    expect(result.checks).toBe(checksOf(layoutOfReturn(NOVEMBER)).length);
    expect(result.checks).toBeGreaterThan(50);
    expect(result.status).toBe("ready");
    expect(controller.state.status?.text).toBe("Checked Nov: Ready to file.");
    expect(host.count("readActiveReturn")).toBe(1);
  });

  test("finds last month by its month end, whatever the sheet names and order", async () => {
    const host = new FakeHost()
      .addReturn(returnOf(OCTOBER, "MR 2011-11")) // October's figures under November's name
      .addReturn(returnOf(NOVEMBER, "MR 2011-10"))
      .activate("MR 2011-10");
    const { controller } = paneOn(host);
    await controller.check();
    expect(resultOf(controller.state).previousSheet).toBe("MR 2011-11");
    expect(host.calls.filter((c) => c.method === "readReturn").map((c) => c.args)).toEqual([
      ["MR 2011-11"],
    ]);
  });

  test("runs the cross-month checks against last month's figures", async () => {
    const october = returnOf(OCTOBER, "Oct", { "issued.ord1.close.shares": "1,167,621,000" });
    const host = new FakeHost()
      .addReturn(returnOf(NOVEMBER, "Nov"))
      .addReturn(october)
      .activate("Nov");
    const { controller } = paneOn(host);
    await controller.check();
    const messages = resultOf(controller.state).groups.flatMap((g) =>
      g.findings.map((f) => f.message)
    );
    expect(messages.join("\n")).toContain("last month's return");
  });

  test("skips the cross-month checks when last month is not in the workbook", async () => {
    const host = new FakeHost().addReturn(returnOf(NOVEMBER, "Nov")).activate("Nov");
    const { controller } = paneOn(host);
    await controller.check();
    expect(resultOf(controller.state)).toMatchObject({
      previousSheet: undefined,
      previousMonth: "October 2011",
    });
    expect(host.count("readReturn")).toBe(0);
  });

  test("groups findings by section in form order, with counts in words", async () => {
    const host = new FakeHost()
      .addReturn(returnOf(NOVEMBER, "Nov", troubled))
      .addReturn(returnOf(OCTOBER, "Oct"))
      .activate("Nov");
    const { controller } = paneOn(host);
    await controller.check();
    const result = resultOf(controller.state);
    expect(result.groups.map((g) => g.title)).toEqual([
      "Header and dates",
      "I. Movements in Authorised Share Capital",
    ]);
    expect(result.groups.map((g) => g.findings.map((f) => f.severity))).toEqual([
      ["warning"],
      ["error"],
    ]);
    // the close off by one has a likely cause: its finding goes under it, out of the groups
    expect(result.suggestions[0].field).toBe("issued.ord1.close.shares");
    expect(result.explained.map((f) => [f.severity, f.cells[0]])).toEqual([
      ["error", "issued.ord1.close.shares"],
    ]);
    expect(result.counts).toMatchObject({ errors: 2, warnings: 1 });
    expect(result.headline).toMatch(/2 errors · 1 warning/);
    expect(controller.state.status?.text).toBe(`Checked Nov: ${result.headline}.`);
  });

  test("selects a finding's first cell on the checked sheet", async () => {
    const host = new FakeHost().addReturn(returnOf(NOVEMBER, "Nov", troubled)).activate("Nov");
    const { controller } = paneOn(host);
    await controller.check();
    const finding = resultOf(controller.state).explained[0];
    host.activate("Elsewhere");
    await controller.selectFinding(finding.cells);
    expect(host.selections).toEqual([["Nov", "issued.ord1.close.shares"]]);
  });

  test("shows a HostError from reading and stays usable", async () => {
    const host = new FakeHost().addReturn(returnOf(NOVEMBER, "Nov")).activate("Nov");
    host.failures.set("readActiveReturn", new HostError("Excel is busy.", "editMode"));
    const { controller } = paneOn(host);
    await controller.check();
    expect(controller.state.status).toEqual({ kind: "error", text: "Excel is busy." });
    expect(controller.state.busy).toBeNull();
    await controller.check();
    expect(controller.state.check.kind).toBe("result");
  });

  test("says when the sheet's form version is newer than the add-in", async () => {
    const host = new FakeHost()
      .addReturn({ ...returnOf(NOVEMBER, "Nov"), formId: "ff301-2099" })
      .activate("Nov");
    const { controller } = paneOn(host);
    await controller.check();
    expect(controller.state.check).toEqual({
      kind: "unknownForm",
      sheetName: "Nov",
      formId: "ff301-2099",
    });
    expect(controller.state.status?.kind).toBe("error");
  });
});

describe("re-checking after edits", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test("re-checks the sheet in view once, 500 ms after the last of several edits, without writing", async () => {
    const host = new FakeHost().addReturn(returnOf(NOVEMBER, "Nov")).activate("Nov");
    const { controller } = paneOn(host);
    await controller.check();
    expect(host.count("onSheetChanged")).toBe(1);
    const reads = host.calls.length;

    host.edit("Nov", "issued.ord1.close.shares", "1");
    await jest.advanceTimersByTimeAsync(300);
    host.edit("Nov", "issued.ord1.close.shares", "12");
    await jest.advanceTimersByTimeAsync(300);
    host.edit("Nov", "issued.ord1.close.shares", "123");
    await jest.advanceTimersByTimeAsync(499);
    expect(host.calls.length).toBe(reads);

    await jest.advanceTimersByTimeAsync(1);
    await flush();
    const after = host.calls.slice(reads).map((c) => c.method);
    expect(after.slice(0, 2)).toEqual(["readActiveReturn", "listReturns"]);
    expect(after.filter((m) => m !== "addressesOf")).toHaveLength(2); // reads, never writes
    expect(resultOf(controller.state)).toMatchObject({ sheetName: "Nov" });
    expect(resultOf(controller.state).counts.errors).toBeGreaterThan(0);
    expect(host.count("insertTemplate")).toBe(0);
    expect(host.count("onSheetChanged")).toBe(1); // still the one subscription
  });

  test("a click on Check during a re-check after an edit runs after it, not lost", async () => {
    const host = new FakeHost().addReturn(returnOf(NOVEMBER, "Nov")).activate("Nov");
    const { controller } = paneOn(host);
    await controller.check();
    // hold the re-check's read open until the click has been made
    let release = (): void => undefined;
    const read = host.readActiveReturn.bind(host);
    let held = true;
    host.readActiveReturn = () =>
      held
        ? new Promise((resolve) => {
            held = false;
            release = () => resolve(read());
          })
        : read();
    host.edit("Nov", "issued.ord1.close.shares", "1");
    await jest.advanceTimersByTimeAsync(500);
    expect(controller.state.busy).toBe("check");
    const reads = host.count("readActiveReturn");
    const clicked = controller.check();
    await flush();
    expect(host.count("readActiveReturn")).toBe(reads); // waits for the re-check
    release();
    await clicked;
    expect(host.count("readActiveReturn")).toBe(reads + 2);
    expect(controller.state.busy).toBeNull();
  });

  test("waits while the user is still typing in a cell, then re-checks", async () => {
    const host = new FakeHost().addReturn(returnOf(NOVEMBER, "Nov")).activate("Nov");
    const { controller } = paneOn(host);
    await controller.check();
    const status = controller.state.status;
    host.failures.set("readActiveReturn", new HostError("Excel is in cell-edit mode.", "editMode"));
    host.edit("Nov", "issued.ord1.close.shares", "1");
    await jest.advanceTimersByTimeAsync(500);
    await flush();
    expect(controller.state.status).toBe(status); // no error shown for a quiet re-check
    expect(host.count("readActiveReturn")).toBe(2);
    await jest.advanceTimersByTimeAsync(500);
    await flush();
    expect(host.count("readActiveReturn")).toBe(3);
    expect(resultOf(controller.state).counts.errors).toBeGreaterThan(0);
  });

  test("shows other failures of a re-check in the status area", async () => {
    const host = new FakeHost().addReturn(returnOf(NOVEMBER, "Nov")).activate("Nov");
    const { controller } = paneOn(host);
    await controller.check();
    host.failures.set("readActiveReturn", new HostError("The sheet is protected.", "protected"));
    host.edit("Nov", "hdr.issuer", "X");
    await jest.advanceTimersByTimeAsync(500);
    await flush();
    expect(controller.state.status).toEqual({ kind: "error", text: "The sheet is protected." });
    expect(controller.state.busy).toBeNull();
  });

  test("moves the subscription to the sheet checked last", async () => {
    const host = new FakeHost()
      .addReturn(returnOf(NOVEMBER, "Nov"))
      .addReturn(returnOf(OCTOBER, "Oct"))
      .activate("Nov");
    const { controller } = paneOn(host);
    await controller.check();
    host.activate("Oct");
    await controller.check();
    expect(host.unsubscribed).toBe(1);
    expect(host.handlers.get("Nov")?.size ?? 0).toBe(0);
    expect(host.handlers.get("Oct")?.size).toBe(1);
  });

  test("stops re-checking when disposed", async () => {
    const host = new FakeHost().addReturn(returnOf(NOVEMBER, "Nov")).activate("Nov");
    const { controller } = paneOn(host);
    await controller.check();
    host.edit("Nov", "hdr.issuer", "changed");
    await controller.dispose();
    const calls = host.calls.length;
    await jest.advanceTimersByTimeAsync(1000);
    expect(host.calls.length).toBe(calls);
    expect(host.unsubscribed).toBe(1);
  });
});

describe("rolling forward", () => {
  test("creates next month's sheet from the active return without writing to it", async () => {
    const november = returnOf(NOVEMBER, "MR 2011-11");
    const host = new FakeHost().addReturn(november).activate("MR 2011-11");
    const before = structuredClone(november);
    const { controller } = paneOn(host);
    await controller.rollForward();
    expect(host.calls.map((c) => c.method).slice(0, 4)).toEqual([
      "missingRequirements",
      "readActiveReturn",
      "insertTemplate",
      "readActiveReturn", // the verdict on the new sheet, now in view
    ]);
    expect(host.count("writeField")).toBe(0);
    expect(host.sheet("MR 2011-11")!.return).toEqual(before);
    const plan = host.plans[0];
    expect(plan.sheetName).toBe("MR 2011-12");
    expect(plan.shape).toEqual(november.shape);
    expect(plan.formId).toBe(november.formId);
    const created = host.sheet("MR 2011-12")!.return!;
    expect(created.values["issued.ord1.preceding.shares"]).toBe("1,167,673,933");
    expect(plan.cells.some((c) => c.content.includes("'MR 2011-11'!"))).toBe(true);
    expect(controller.state.status).toEqual({
      kind: "success",
      text: "Created MR 2011-12 from MR 2011-11; MR 2011-11 is unchanged.",
    });
  });

  test("says so when the active sheet holds no return", async () => {
    const host = new FakeHost().addPlainSheet("Sheet1").activate("Sheet1");
    const { controller } = paneOn(host);
    await controller.rollForward();
    expect(host.count("insertTemplate")).toBe(0);
    expect(controller.state.status?.text).toMatch(/^The active sheet holds no monthly return/);
  });
});
