/**
 * Office.js's own runtime (excel-web-16.00.debug.js from @microsoft/office-js) loaded in jsdom,
 * with a session whose request executor records each request body, exactly as Office.js
 * serializes it for Excel, and answers from a small model of the workbook (office-workbook.ts)
 * instead of sending it. Sizes, request counts and the serialized values come from here.
 */
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import type { RunBatch } from "../../src/excel/excel-host";
import { OfficeWorkbook, type ActionError, type RequestBody } from "./office-workbook";

export { OfficeWorkbook } from "./office-workbook";

/** One request Office.js built at a context.sync(). */
export interface RecordedRequest {
  /** The body as Office.js sends it: JSON.stringify of the message body. */
  readonly text: string;
  /** Its size in bytes, as UTF-8. */
  readonly bytes: number;
  readonly actions: number;
}

/** The session base class of the runtime (not in @types/office-js). */
interface SessionBase {
  _createRequestExecutorOrNull(): unknown;
}

/** The globals the runtime defines on its window. */
interface OfficeWindow {
  readonly Excel: typeof Excel;
  readonly OfficeExtension: { readonly SessionBase: { readonly prototype: SessionBase } };
}

let loaded: { window: OfficeWindow; blocked: string[] } | undefined;

const RUNTIME = require.resolve("@microsoft/office-js/dist/excel-web-16.00.debug.js");

/** The runtime, loaded once per process (about 0.4 s); every network attempt is refused and noted. */
export function officeRuntime(): { window: OfficeWindow; blocked: string[] } {
  if (loaded) return loaded;
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost/",
  });
  const window = dom.window;
  const blocked: string[] = [];
  // office.js outside Office tries a telemetry request: nothing may leave the test
  window.XMLHttpRequest.prototype.open = function (_method: string, url: string | URL) {
    blocked.push(String(url));
    throw new Error(`The Office.js harness blocks network requests (${String(url)})`);
  };
  Object.assign(window, {
    fetch: (url: unknown) => {
      blocked.push(String(url));
      return Promise.reject(new Error("The Office.js harness blocks network requests"));
    },
  });
  Object.assign(window.navigator, {
    sendBeacon: (url: unknown) => {
      blocked.push(String(url));
      return false;
    },
  });
  window.eval(readFileSync(RUNTIME, "utf8"));
  loaded = { window: window as unknown as OfficeWindow, blocked };
  return loaded;
}

const utf8Bytes = (text: string): number => Buffer.byteLength(text, "utf8");

/**
 * A workbook behind Office.js's real serializer: `run` is a RunBatch for ExcelHost; every
 * request is recorded in `requests` and applied to `workbook`; `failAt` makes a chosen request
 * (numbered from 1) fail as Excel reports a failed action.
 */
export class OfficeHarness {
  readonly requests: RecordedRequest[] = [];
  readonly workbook: OfficeWorkbook;
  failAt: (n: number) => ActionError | undefined = () => undefined;
  private readonly office: OfficeWindow;
  private readonly session: SessionBase;

  constructor(sheetNames: readonly string[] = ["Sheet1"]) {
    this.office = officeRuntime().window;
    this.workbook = new OfficeWorkbook(sheetNames);
    const session = Object.create(this.office.OfficeExtension.SessionBase.prototype) as SessionBase;
    session._createRequestExecutorOrNull = () => ({
      executeAsync: (_custom: unknown, _flags: number, message: { Body: RequestBody }) =>
        Promise.resolve(this.execute(message.Body)),
    });
    this.session = session;
  }

  /** Runs a batch through Excel.run in a new context on the recording session. */
  readonly run: RunBatch = <T>(
    batch: (context: Excel.RequestContext) => Promise<T>,
    context?: OfficeExtension.ClientRequestContext
  ): Promise<T> => {
    const excel = this.office.Excel;
    return excel.run(
      (context as Excel.RequestContext | undefined) ??
        new excel.RequestContext(this.session as unknown as string),
      batch
    );
  };

  /** The largest request in bytes (0 before any request). */
  largest(): number {
    return Math.max(0, ...this.requests.map((r) => r.bytes));
  }

  /** All requests' bytes together. */
  total(): number {
    return this.requests.reduce((sum, r) => sum + r.bytes, 0);
  }

  private execute(body: RequestBody): unknown {
    // the text Office.js hands to Excel (RichApiMessageUtility stringifies the body the same way)
    const text = JSON.stringify(body);
    this.requests.push({ text, bytes: utf8Bytes(text), actions: body.Actions.length });
    const failure = this.failAt(this.requests.length);
    const result = this.workbook.apply(body, failure);
    return { HttpStatusCode: 200, ErrorCode: null, ErrorMessage: null, Headers: {}, Body: result };
  }
}
