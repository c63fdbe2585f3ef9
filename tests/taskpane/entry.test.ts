/**
 * @jest-environment jsdom
 */
import { startTaskPane } from "../../src/taskpane/start";

// the pane itself (Fluent UI, ESM only) is not what these tests are about
jest.mock("../../src/taskpane/start", () => ({ startTaskPane: jest.fn() }));

const PANE =
  '<main id="app"><h1 id="title"></h1><p id="description"></p><p id="status"></p></main>';

/** Loads the task pane entry (src/taskpane/taskpane.ts) afresh on the current document. */
function loadEntry(): void {
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the entry runs on import
    require("../../src/taskpane/taskpane");
  });
}

/** Lets Office.onReady's promise settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Puts a minimal office.js in place that reports Excel as the host. */
function inExcel(): void {
  const office = {
    HostType: { Excel: "Excel" },
    onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
  };
  Object.assign(globalThis, { Office: office });
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  jest.mocked(startTaskPane).mockClear();
});

describe("the task pane entry", () => {
  test("outside Office, says where to open the page", () => {
    document.body.innerHTML = PANE;
    loadEntry();
    expect(document.getElementById("status")?.textContent).toBe(
      "Open this page inside Excel to use the add-in."
    );
  });

  test("in Excel, starts the pane", async () => {
    document.body.innerHTML = PANE;
    inExcel();
    loadEntry();
    await settle();
    expect(startTaskPane).toHaveBeenCalledTimes(1);
  });

  test("in Excel, leaves the page of unsupported-webview.js alone when that script has shown it", async () => {
    const page = '<main id="unsupported-webview"><h1>Old Excel</h1></main>';
    document.body.innerHTML = page;
    inExcel();
    loadEntry();
    await settle();
    expect(startTaskPane).not.toHaveBeenCalled();
    expect(document.body.innerHTML).toBe(page);
  });
});
