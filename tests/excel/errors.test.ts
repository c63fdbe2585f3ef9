import {
  EDIT_MODE_CODE,
  HOST_MESSAGES,
  hostCodeOf,
  toHostError,
  withEditModeRetry,
} from "../../src/excel/errors";
import { HostError, isHostError } from "../../src/plan/host";
import { FakeExcel, officeError } from "./fake-excel";
import { hostOn, planWith } from "./helpers";

describe("mapping Office errors to host errors", () => {
  test.each([
    [EDIT_MODE_CODE, "editMode"],
    ["AccessDenied", "protected"],
    ["RequestPayloadSizeLimitExceeded", "tooLarge"],
    ["ResponsePayloadSizeLimitExceeded", "tooLarge"],
    ["ApiNotFound", "requirements"],
    ["GeneralException", "other"],
    ["InvalidArgument", "other"],
  ])("%s is %s", (code, kind) => {
    expect(hostCodeOf(officeError(code))).toBe(kind);
  });

  test("a protected sheet named only in the message is still 'protected'", () => {
    const error = officeError(
      "InvalidOperation",
      "The cell you are trying to change is protected."
    );
    expect(hostCodeOf(error)).toBe("protected");
  });

  test("keeps the original error in cause and Excel's words in an unexpected one", () => {
    const original = officeError("GeneralException", "Something odd happened");
    const host = toHostError(original);
    expect(isHostError(host)).toBe(true);
    expect(host.code).toBe("other");
    expect(host.cause).toBe(original);
    expect(host.message).toContain("Something odd happened");
  });

  test("speaks plainly for the known kinds (no Office codes in the message)", () => {
    for (const code of [EDIT_MODE_CODE, "AccessDenied", "RequestPayloadSizeLimitExceeded"]) {
      const host = toHostError(officeError(code));
      expect(host.message).toBe(HOST_MESSAGES[host.code]);
      expect(host.message).not.toMatch(/[a-z][A-Z]/); // no CamelCase codes
    }
    expect(HOST_MESSAGES.editMode).toBe(
      "Excel is editing a cell: press Enter or Esc, then try again."
    );
  });

  test("passes a HostError through unchanged, and wraps non-Office failures as 'other'", () => {
    const host = new HostError("already plain", "protected");
    expect(toHostError(host)).toBe(host);
    expect(toHostError(new TypeError("x is undefined")).code).toBe("other");
  });
});

describe("retrying", () => {
  const policy = (waits: number[]) => ({
    retries: 3,
    delayMs: 5,
    wait: (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });

  test("retries the cell-edit-mode error three times, then reports it", async () => {
    const waits: number[] = [];
    let attempts = 0;
    const action = () => {
      attempts += 1;
      return Promise.reject(officeError(EDIT_MODE_CODE));
    };
    await expect(withEditModeRetry(action, policy(waits))).rejects.toMatchObject({
      name: "HostError",
      code: "editMode",
    });
    expect(attempts).toBe(4);
    expect(waits).toEqual([5, 5, 5]);
  });

  test("succeeds when the user leaves the cell before the retries run out", async () => {
    let attempts = 0;
    const action = () => {
      attempts += 1;
      return attempts < 3 ? Promise.reject(officeError(EDIT_MODE_CODE)) : Promise.resolve("done");
    };
    await expect(withEditModeRetry(action, policy([]))).resolves.toBe("done");
    expect(attempts).toBe(3);
  });

  test.each(["AccessDenied", "GeneralException", "RequestPayloadSizeLimitExceeded"])(
    "does not retry %s",
    async (code) => {
      let attempts = 0;
      const action = () => {
        attempts += 1;
        return Promise.reject(officeError(code));
      };
      await expect(withEditModeRetry(action, policy([]))).rejects.toBeInstanceOf(HostError);
      expect(attempts).toBe(1);
    }
  );
});

describe("an Office error during insert", () => {
  test("payload too large at the write: the added sheet is deleted, a plain HostError", async () => {
    const fake = new FakeExcel(["Sheet1", "Data"]);
    fake.type("Data", "A1", 42);
    // sync 1 reads, sync 2 adds the sheet, sync 3 writes the first batch
    fake.failSync = (n) => (n === 3 ? officeError("RequestPayloadSizeLimitExceeded") : undefined);

    const failure = await hostOn(fake)
      .insertTemplate(planWith(200))
      .catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(HostError);
    expect(failure).toMatchObject({ code: "tooLarge", message: HOST_MESSAGES.tooLarge });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "Data"]);
    expect(fake.sheet("Data")?.cells.get("1,1")).toBe(42);
    const deletes = fake.ops.filter((op) => op.member === "delete");
    expect(deletes.map((op) => op.sheet)).toEqual(["MR 2011-11"]);
    expect(fake.runs).toBe(2); // the insert, then the clean-up in a new Excel.run
  });

  test("cell edit mode at the write: cleaned up, retried, and one sheet in the end", async () => {
    const fake = new FakeExcel(["Sheet1"]);
    fake.failSync = (n) => (n === 3 ? officeError(EDIT_MODE_CODE) : undefined);
    const host = hostOn(fake);
    await expect(host.insertTemplate(planWith(1))).resolves.toEqual({ sheetName: "MR 2011-11" });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "MR 2011-11"]);
    expect(host.waits).toHaveLength(1);
  });

  test("cell edit mode throughout: a bounded number of tries, then the editMode message", async () => {
    const fake = new FakeExcel(["Sheet1"]);
    fake.failSync = () => officeError(EDIT_MODE_CODE);
    const host = hostOn(fake);
    await expect(host.insertTemplate(planWith(1))).rejects.toMatchObject({
      code: "editMode",
      message: "Excel is editing a cell: press Enter or Esc, then try again.",
    });
    expect(fake.runs).toBe(4);
    expect(host.waits).toHaveLength(3);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("another error is not retried and keeps the original in cause", async () => {
    const fake = new FakeExcel(["Sheet1"]);
    const original = officeError("GeneralException", "Something odd happened");
    fake.failSync = (n) => (n === 1 ? original : undefined);
    const failure = await hostOn(fake)
      .insertTemplate(planWith(1))
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: "HostError", code: "other", cause: original });
    expect(fake.runs).toBe(1);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("a protected workbook is reported as such and nothing is left behind", async () => {
    const fake = new FakeExcel(["Sheet1"]);
    fake.failSync = (n) => (n === 3 ? officeError("AccessDenied") : undefined);
    await expect(hostOn(fake).insertTemplate(planWith(1))).rejects.toMatchObject({
      code: "protected",
    });
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("when the clean-up fails too, the message names the sheet that may be left", async () => {
    const fake = new FakeExcel(["Sheet1"]);
    fake.failSync = (n) =>
      n >= 3 ? officeError("GeneralException", "Lost connection") : undefined;
    const failure = await hostOn(fake)
      .insertTemplate(planWith(1))
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "other" });
    expect((failure as Error).message).toContain('"MR 2011-11" may be left');
  });
});
