// The ExcelHost methods the pane added (sheet activation, one-cell write, addresses), over a
// small fake of the Office.js objects they use, which runs queued loads and writes in order.
import { ExcelHost, cellAddressOf, type RunBatch } from "../../src/excel/excel-host";

type Content = number | string | boolean;

/** One cell of the fake sheet, behind a defined name. */
interface FakeCell {
  content: Content | null;
  address: string;
}

/** A fake Excel: named cells of sheets, every queued operation and sync recorded. */
class FakeOffice {
  readonly cells = new Map<string, FakeCell>(); // "sheet|name" -> cell
  readonly ops: string[] = [];
  syncs = 0;
  readonly activation = new Set<() => Promise<void>>();
  private queue: (() => void)[] = [];

  cell(sheet: string, name: string, content: Content | null, address: string): this {
    this.cells.set(`${sheet}|${name}`, { content, address });
    return this;
  }

  /** The context a batch gets: only the members the pane's host methods use. */
  context() {
    const office = this as FakeOffice;
    const context = {
      sync: () => {
        office.syncs++;
        const queued = office.queue.splice(0);
        for (const op of queued) op();
        return Promise.resolve();
      },
      workbook: {
        worksheets: {
          onActivated: {
            add(handler: () => Promise<void>) {
              office.ops.push("onActivated.add");
              office.activation.add(handler);
              return {
                context,
                remove() {
                  office.ops.push("onActivated.remove");
                  office.activation.delete(handler);
                },
              };
            },
          },
          getItem: (sheet: string) => ({ names: office.names(sheet) }),
        },
      },
    };
    return context;
  }

  private names(sheet: string) {
    const office = this as FakeOffice;
    const find = (name: string) => office.cells.get(`${sheet}|${name}`);
    return {
      getItem(name: string) {
        return {
          getRange() {
            const range = {
              formulas: [] as unknown[][],
              valueTypes: [] as string[][],
              load(props: string) {
                office.ops.push(`load ${sheet}!${name} ${props}`);
                office.queue.push(() => {
                  const c = find(name)!;
                  range.formulas = [[c.content ?? ""]];
                  range.valueTypes = [[c.content === null ? "Empty" : typeof c.content]];
                });
              },
              set values(v: unknown[][]) {
                office.ops.push(`values ${sheet}!${name} ${JSON.stringify(v)}`);
                office.queue.push(
                  () => (find(name)!.content = v[0][0] === "" ? null : (v[0][0] as Content))
                );
              },
            };
            return range;
          },
        };
      },
      getItemOrNullObject(name: string) {
        const item = { isNullObject: true, formula: "" as unknown, load: () => undefined };
        office.queue.push(() => {
          const c = find(name);
          item.isNullObject = !c;
          item.formula = c ? `='${sheet}'!${c.address}` : undefined;
        });
        return item;
      },
    };
  }
}

const hostOn = (office: FakeOffice) => {
  const run = ((batch: (context: unknown) => Promise<unknown>) =>
    batch(office.context())) as unknown as RunBatch;
  return new ExcelHost({ run, isSetSupported: () => true });
};

describe("ExcelHost for the pane", () => {
  test("writes one value into one named cell in one sync and returns what it held", async () => {
    const office = new FakeOffice()
      .cell("June", "issued_c1_close_excl", 1000250001, "$B$36")
      .cell("June", "issued_c1_close_shares", 1052250000, "$D$36");
    const host = hostOn(office);
    const { previous } = await host.writeField("June", "issued.c1.close.excl", 1000250000);
    expect(previous).toBe(1000250001);
    expect(office.syncs).toBe(1);
    expect(office.cells.get("June|issued_c1_close_excl")?.content).toBe(1000250000);
    expect(office.cells.get("June|issued_c1_close_shares")?.content).toBe(1052250000);
    expect(office.ops).toEqual([
      "load June!issued_c1_close_excl formulas,valueTypes",
      "values June!issued_c1_close_excl [[1000250000]]",
    ]);
  });

  test("puts a blank back as a cleared cell and reads a blank cell as null", async () => {
    const office = new FakeOffice().cell("June", "sig_title", null, "$B$90");
    const host = hostOn(office);
    expect((await host.writeField("June", "sig.title", "Company Secretary")).previous).toBeNull();
    expect((await host.writeField("June", "sig.title", null)).previous).toBe("Company Secretary");
    expect(office.cells.get("June|sig_title")?.content).toBeNull();
  });

  test("gives the address of each named field in one sync, leaving out fields with no name", async () => {
    const office = new FakeOffice().cell("June", "issued_c1_close_excl", 1, "$B$36");
    const host = hostOn(office);
    const found = await host.addressesOf("June", ["issued.c1.close.excl", "nowhere"]);
    expect(found).toEqual({ "issued.c1.close.excl": "B36" });
    expect(office.syncs).toBe(1);
  });

  test("calls back on each sheet activation until unsubscribed", async () => {
    const office = new FakeOffice();
    const host = hostOn(office);
    let calls = 0;
    const stop = await host.onActiveSheetChanged(() => (calls += 1));
    for (const handler of office.activation) await handler();
    expect(calls).toBe(1);
    await stop();
    expect(office.activation.size).toBe(0);
    expect(office.ops).toEqual(["onActivated.add", "onActivated.remove"]);
  });

  test.each([
    ["='MR 2026-06'!$B$36", "B36"],
    ["=Sheet1!AA7", "AA7"],
    ["='MR 2026-06'!$B$36:$C$37", null],
  ])("reads the cell of the name formula %s", (formula, address) => {
    expect(cellAddressOf(formula)).toBe(address);
  });
});
