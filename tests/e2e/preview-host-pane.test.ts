// The preview host's methods for the pane, without a browser: sheet activation events, the
// one-cell write (and what it returns for Undo), and field addresses, over the real workbook.
import { HyperFormula } from "hyperformula";
import "../../src/preview/hf-custom-functions-shim";
import * as implementations from "../../src/functions/functions";
import { isHostError } from "../../src/plan/host";
import { planTemplate } from "../../src/plan/template";
import { registerHkmrFunctions } from "../../src/preview/hf-functions";
import { HF_CONFIG, HF_NAMED_EXPRESSIONS } from "../../src/preview/hf-workbook";
import { PreviewHost } from "../../src/preview/preview-host";
import { PreviewWorkbook } from "../../src/preview/workbook";
import { loadFixture } from "../support/fixtures";
import { hkmrMetadata } from "../support/hkmr-hyperformula";

const SHAPE = loadFixture("seed-kingsoft-2011-11.json").month.layout.shape;
const plan = (monthEnded: string) => planTemplate("legacy-2011", SHAPE, { monthEnded });
const CLOSE = "issued.ord1.close.shares";

async function twoSheets() {
  registerHkmrFunctions(HyperFormula, await hkmrMetadata(), implementations);
  const workbook = new PreviewWorkbook(
    HyperFormula.buildEmpty(HF_CONFIG, [...HF_NAMED_EXPRESSIONS])
  );
  const host = new PreviewHost(workbook);
  await host.insertTemplate(plan("2011-10-31"));
  await host.insertTemplate(plan("2011-11-30"));
  return { workbook, host };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("the preview host for the pane", () => {
  test("calls back when another sheet becomes active, not on edits or selections", async () => {
    const { workbook, host } = await twoSheets();
    let calls = 0;
    const stop = await host.onActiveSheetChanged(() => (calls += 1));
    workbook.select("MR 2011-11", { row: 3, col: 1 });
    await host.writeField("MR 2011-11", CLOSE, 5);
    workbook.activate("MR 2011-11"); // already active
    await tick();
    expect(calls).toBe(0);
    workbook.activate("MR 2011-10");
    await tick();
    expect(calls).toBe(1);
    await host.insertTemplate(plan("2011-12-31")); // the new sheet becomes active
    await tick();
    expect(calls).toBe(2);
    await stop();
    workbook.activate("MR 2011-11");
    await tick();
    expect(calls).toBe(2);
  });

  test("writes one value into one input cell and returns what it held, blank as null", async () => {
    const { workbook, host } = await twoSheets();
    const before = workbook.inputsOf(workbook.sheet("MR 2011-11")!);
    expect((await host.writeField("MR 2011-11", CLOSE, 1167673932)).previous).toBeNull();
    expect((await host.writeField("MR 2011-11", CLOSE, 1167673933)).previous).toBe("1167673932");
    const after = workbook.inputsOf(workbook.sheet("MR 2011-11")!);
    expect(after).toEqual({ ...before, [CLOSE]: 1167673933 });
    expect((await host.readReturn("MR 2011-11"))?.values[CLOSE]).toBe(1167673933);
    // October is untouched
    expect((await host.readReturn("MR 2011-10"))?.values[CLOSE]).toBe("");
    await host.writeField("MR 2011-11", CLOSE, null);
    expect((await host.readReturn("MR 2011-11"))?.values[CLOSE]).toBe("");
  });

  test("refuses a field the sheet has no cell for, with a plain message", async () => {
    const { host } = await twoSheets();
    const failure = await host.writeField("MR 2011-11", "no.such.field", 1).then(
      () => null,
      (error: unknown) => error
    );
    expect(isHostError(failure)).toBe(true);
    expect(isHostError(failure) && failure.message).toBe(
      "MR 2011-11 has no cell for this figure any more."
    );
  });

  test("gives each field's address as the plan placed it", async () => {
    const { host } = await twoSheets();
    const address = plan("2011-11-30").names.find((n) => n.field === CLOSE)!.address;
    expect(await host.addressesOf("MR 2011-11", [CLOSE, "no.such.field"])).toEqual({
      [CLOSE]: address,
    });
  });
});
