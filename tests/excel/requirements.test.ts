import { OfficeMockObject } from "office-addin-mock";
import { ExcelHost, REQUIREMENTS } from "../../src/excel/excel-host";
import { FakeExcel } from "./fake-excel";
import { hostOn, planWith } from "./helpers";

/** An Office global (office-addin-mock, host "excel") whose Excel supports only `sets`. */
function mockOffice(sets: readonly string[]): void {
  const office = new OfficeMockObject({
    host: "excel",
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) => sets.includes(`${name} ${version}`),
      },
    },
  });
  (globalThis as { Office?: unknown }).Office = office;
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe("requirement sets", () => {
  test("nothing is missing where Excel has ExcelApi 1.9 and the shared runtime", () => {
    mockOffice(["ExcelApi 1.9", "SharedRuntime 1.1"]);
    expect(new ExcelHost().missingRequirements()).toEqual([]);
  });

  test("reports the sets this Excel lacks, as 'ExcelApi 1.9'", () => {
    mockOffice(["ExcelApi 1.8", "SharedRuntime 1.1"]);
    expect(new ExcelHost().missingRequirements()).toEqual(["ExcelApi 1.9"]);
    mockOffice([]);
    expect(new ExcelHost().missingRequirements()).toEqual(["ExcelApi 1.9", "SharedRuntime 1.1"]);
  });

  test("outside Office every set is missing", () => {
    expect(new ExcelHost().missingRequirements()).toEqual(
      REQUIREMENTS.map((r) => `${r.name} ${r.version}`)
    );
  });

  test("insert refuses without ExcelApi 1.9 and never touches the workbook", async () => {
    const fake = new FakeExcel(["Sheet1"]);
    const host = hostOn(fake, (name) => name !== "ExcelApi");
    await expect(host.insertTemplate(planWith(1))).rejects.toMatchObject({
      name: "HostError",
      code: "requirements",
    });
    expect(fake.runs).toBe(0);
  });
});
