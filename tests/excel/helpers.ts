import type { Shape } from "../../src/form";
import { ExcelHost } from "../../src/excel/excel-host";
import { planTemplate } from "../../src/plan/template";
import type { TemplatePlan } from "../../src/plan/types";
import type { FakeExcel } from "./fake-excel";
import { optionShape } from "../support/shapes";

/** The shape the brief measures: n option lines, one funds line, one other movement (the 2011
 * form's meta keeps no class count, so neither does this). */
export const shapeWith = (options: number): Shape => ({
  ...optionShape(options),
  classes: undefined,
});

/** The November 2011 template with n option lines. */
export const planWith = (options: number): TemplatePlan =>
  planTemplate("legacy-2011", shapeWith(options), { monthEnded: "30/11/2011" });

/** Waits recorded instead of slept. */
export interface Waits {
  readonly waits: number[];
}

/** An ExcelHost on the fake, with every API set present and retries that do not sleep. */
export function hostOn(
  fake: FakeExcel,
  supported: (name: string, version: string) => boolean = () => true
): ExcelHost & Waits {
  const waits: number[] = [];
  const host = new ExcelHost({
    run: fake.run,
    isSetSupported: supported,
    retry: {
      retries: 3,
      delayMs: 10,
      wait: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    },
  });
  return Object.assign(host, { waits });
}

/** "B7" as a name's formula on a sheet: ='MR 2011-11'!$B$7. */
export const nameFormula = (sheet: string, address: string): string =>
  `='${sheet.replace(/'/g, "''")}'!${address
    .split(":")
    .map((c) => c.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
    .join(":")}`;
