// The pane speaks of the sheet in view: it checks the active sheet at start, after a tab switch,
// an insert, a roll forward and an edit, and clears words whose cause is gone.
import { FakeHost } from "./fake-host";
import { flush, NOVEMBER, OCTOBER, paneOn, resultOf, returnOf } from "./support";

/** A workbook of October and November (active), a plain sheet, and a started pane. */
async function started(active = "Nov") {
  const host = new FakeHost()
    .addReturn(returnOf(OCTOBER, "Oct"))
    .addReturn(returnOf(NOVEMBER, "Nov"))
    .addPlainSheet("Notes")
    .activate(active);
  const pane = paneOn(host);
  await pane.controller.start();
  return { host, ...pane };
}

describe("following the sheet in view", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test("checks the active sheet at start and names it", async () => {
    const { host, controller } = await started();
    expect(host.count("onActiveSheetChanged")).toBe(1);
    expect(resultOf(controller.state).sheetName).toBe("Nov");
    expect(controller.state.status).toBeNull(); // nothing was asked: the verdict speaks alone
  });

  test("a tab switch checks the sheet now in view, and a sheet with no return says so", async () => {
    const { host, controller } = await started();
    host.switchTo("Oct");
    await jest.advanceTimersByTimeAsync(0);
    await flush();
    expect(resultOf(controller.state).sheetName).toBe("Oct");
    host.switchTo("Notes");
    await jest.advanceTimersByTimeAsync(0);
    await flush();
    expect(controller.state.check).toEqual({ kind: "noReturn" });
    host.switchTo("Nov");
    await jest.advanceTimersByTimeAsync(0);
    await flush();
    expect(resultOf(controller.state).sheetName).toBe("Nov");
  });

  test("an edit re-checks the sheet in view, not the sheet checked before it", async () => {
    const { host, controller } = await started();
    host.switchTo("Oct");
    await jest.advanceTimersByTimeAsync(0);
    await flush();
    host.edit("Oct", "issued.ord1.close.shares", "1");
    await jest.advanceTimersByTimeAsync(500);
    await flush();
    const result = resultOf(controller.state);
    expect(result.sheetName).toBe("Oct");
    expect(result.counts.errors).toBeGreaterThan(0);
    // November's edits no longer reach the pane: it follows October now
    expect(host.handlers.get("Nov")?.size ?? 0).toBe(0);
  });

  test("words about a sheet with no return go once a return is in view", async () => {
    const { host, controller } = await started("Notes");
    await controller.check();
    expect(controller.state.status?.text).toMatch(/^The active sheet holds no monthly return/);
    host.switchTo("Nov");
    await jest.advanceTimersByTimeAsync(0);
    await flush();
    expect(controller.state.status).toBeNull();
    expect(resultOf(controller.state).sheetName).toBe("Nov");
  });

  test("Insert shows the verdict on the new sheet, which is to fill, never all pass", async () => {
    const host = new FakeHost().addPlainSheet("Notes").activate("Notes");
    const { controller } = paneOn(host);
    await controller.start();
    await controller.check();
    expect(controller.state.check).toEqual({ kind: "noReturn" });
    controller.updateInsert({ formId: "legacy-2011", issuer: "Example Holdings Limited" });
    await controller.insert();
    const result = resultOf(controller.state);
    expect(result.sheetName).toBe("MR 2011-11");
    expect(result.status).toBe("incomplete");
    expect(result.headline).toMatch(/cells? to fill/);
    expect(result.toFill.length).toBeGreaterThan(0);
    // the words about the sheet with no return went with it
    expect(controller.state.status?.text).toBe("Inserted MR 2011-11.");
  });

  test("Roll forward shows the verdict on the new month's sheet", async () => {
    const { controller } = await started();
    await controller.rollForward();
    expect(resultOf(controller.state).sheetName).toBe("MR 2011-12");
    expect(controller.state.status?.text).toMatch(/^Created MR 2011-12 from Nov/);
  });

  test("the insert form's message goes once its fields are put right", async () => {
    const { controller } = await started();
    controller.updateInsert({ formId: "legacy-2011", issuer: "" });
    await controller.insert();
    expect(controller.state.status?.kind).toBe("error");
    controller.updateInsert({ issuer: "Example", monthEnded: "2011-11-29" });
    expect(controller.state.status?.text).toMatch(/^1 field needs attention: /);
    controller.updateInsert({ monthEnded: "2011-11-30" });
    expect(controller.state.status).toBe(null);
  });

  test("stops following the workbook when disposed", async () => {
    const { host, controller } = await started();
    await controller.dispose();
    expect(host.activationHandlers.size).toBe(0);
    expect(host.handlers.get("Nov")?.size ?? 0).toBe(0);
  });
});
