import type { SheetReturn } from "../../src/plan/host";
import {
  PaneController,
  type ControllerOptions,
  type PaneState,
} from "../../src/taskpane/controller";
import { loadFixture } from "../support/fixtures";
import { FakeHost } from "./fake-host";

/** A fixture as a return sheet of the fake workbook, under any sheet name. */
export function returnOf(
  fixture: string,
  sheetName: string,
  changes: Readonly<Record<string, unknown>> = {}
): SheetReturn {
  const { doc, month } = loadFixture(fixture);
  const [day, monthNo, year] = String(doc.values["hdr.monthEnded"]).split("/");
  return {
    sheetName,
    formId: doc.form,
    shape: month.layout.shape,
    monthEnd: `${year}-${monthNo}-${day}`,
    values: { ...month.values, ...changes },
  };
}

export const NOVEMBER = "seed-kingsoft-2011-11.json";
export const OCTOBER = "seed-kingsoft-2011-10.json";

/** A controller over a fake host, on 15 December 2011, with errors logged into a list. */
export function paneOn(host: FakeHost, options: ControllerOptions = {}) {
  const logged: unknown[] = [];
  const controller = new PaneController(host, {
    today: () => ({ year: 2011, month: 12, day: 15 }),
    log: (error) => logged.push(error),
    ...options,
  });
  return { controller, logged };
}

/** Lets queued promise callbacks run (the fake host answers asynchronously). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** The state's check result, or a failure when the check found none. */
export function resultOf(state: PaneState) {
  if (state.check.kind !== "result") throw new Error(`No result: ${state.check.kind}`);
  return state.check;
}
