import { formVersion, layoutOf, type Shape } from "../../src/form";
import type { SheetReturn } from "../../src/plan/host";
import { FakeHost } from "./fake-host";
import { paneOn } from "./support";
import { optionShape } from "../support/shapes";

const TODAY = { year: 2026, month: 7, day: 2 };

const SHAPE: Shape = optionShape(2, 2);

/** The class headers of a two-class issuer: ordinary shares of types A and B, both listed. */
const HEADERS = {
  "auth.c1.className": "Ordinary shares",
  "auth.c1.type": "A",
  "auth.c1.listed": "Yes",
  "auth.c1.stockCode": "9999",
  "auth.c1.description": "Class A ordinary shares",
  "auth.c2.className": "Ordinary shares",
  "auth.c2.type": "B",
  "auth.c2.listed": "No",
};

/**
 * A June 2026 return of `formId` written by hand as a sheet would read: the class headers, and
 * each column of Section II closing at a figure of its own (class n, column k: n,00k,000,000).
 */
function juneReturn(formId: string): SheetReturn {
  const form = formVersion(formId)!;
  const closes = Object.fromEntries(
    [1, 2].flatMap((n) =>
      form.issuedColumns.map((col, k) => [
        `issued.c${n}.close.${col.key}`,
        `${n},00${k + 1},000,000`,
      ])
    )
  );
  return {
    sheetName: "June",
    formId,
    shape: SHAPE,
    monthEnd: "2026-06-30",
    values: {
      "hdr.monthEnded": "30/06/2026",
      "hdr.issuer": "Example Holdings Limited",
      ...HEADERS,
      ...closes,
    },
  };
}

describe("an FF301 return from the pane", () => {
  test("inserts the class count and each class's header as typed", async () => {
    const host = new FakeHost();
    const { controller } = paneOn(host, { today: () => TODAY });
    controller.updateInsert({
      issuer: "Example Holdings Limited",
      classCount: "2",
      counts: { ...controller.state.input.counts, options: "2" },
    });
    const [first, second] = controller.state.input.blocks;
    controller.updateInsert({
      blocks: [
        { ...first, type: "A", stockCode: "9999", description: "Class A ordinary shares" },
        { ...second, type: "B", listed: "No" },
      ],
    });
    await controller.insert();
    expect(controller.state.status).toEqual({ kind: "success", text: "Inserted MR 2026-06." });
    const plan = host.plans[0];
    expect(plan.formId).toBe("ff301-1.2");
    expect(plan.shape).toEqual(SHAPE);
    const values = host.sheet("MR 2026-06")!.return!.values;
    expect(values).toMatchObject({ ...HEADERS, "hdr.issuer": "Example Holdings Limited" });
    expect(values["auth.c2.stockCode"]).toBe("");
  });
});

describe("rolling an FF301 return forward", () => {
  test.each(["ff301-1.2", "ff301-treasury", "ff301-1.0"])(
    "keeps the source's version (%s) and shape, both classes included",
    async (formId) => {
      const source = juneReturn(formId);
      const host = new FakeHost().addReturn(source).activate("June");
      const { controller } = paneOn(host, { today: () => TODAY });
      await controller.rollForward();
      expect(controller.state.status).toEqual({
        kind: "success",
        text: "Created MR 2026-07 from June; June is unchanged.",
      });
      expect(host.plans).toHaveLength(1);
      expect(host.plans[0].formId).toBe(formId);
      expect(host.plans[0].shape).toEqual(SHAPE);
      const july = host.sheet("MR 2026-07")!.return!;
      expect({ formId: july.formId, shape: july.shape, monthEnd: july.monthEnd }).toEqual({
        formId,
        shape: SHAPE,
        monthEnd: "2026-07-31",
      });
      // every class block is there, its header carried and June's close July's opening
      const layout = layoutOf(formVersion(formId)!, SHAPE);
      expect(layout.domains.class).toEqual(["c1", "c2"]);
      expect(july.values).toMatchObject(HEADERS);
      for (const n of [1, 2])
        for (const col of layout.form.issuedColumns)
          expect({
            n,
            col: col.key,
            opening: july.values[`issued.c${n}.preceding.${col.key}`],
          }).toEqual({
            n,
            col: col.key,
            opening: source.values[`issued.c${n}.close.${col.key}`],
          });
      // the form's default stayed as it was: rolling forward does not touch the new-return form
      expect(controller.state.input.formId).toBe("ff301-1.2");
    }
  );
});
