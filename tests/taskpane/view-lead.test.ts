/**
 * @jest-environment jsdom
 */
import { FakeHost } from "./fake-host";
import { flush, NOVEMBER, returnOf } from "./support";
import { control, mount, text, type, unmount } from "./view-support";

afterEach(unmount);

/** The pane's sections by their headings, top to bottom. */
const sections = (root: HTMLElement) => [...root.querySelectorAll("section > h2")].map(text);

describe("the pane leads with what the workbook needs", () => {
  test("with no return in view, the form comes first and Insert is the primary button, not Check", async () => {
    const { root, controller } = mount(new FakeHost());
    await controller.start();
    await flush();
    expect(sections(root)[0]).toBe("New return");
    expect(root.querySelector("#hkmr-insert-top")?.getAttribute("appearance")).toBe("primary");
    expect(root.querySelector("#hkmr-insert-top")?.closest<HTMLElement>(".actions")?.hidden).toBe(
      false
    );
    expect(root.querySelector("#hkmr-check")?.hasAttribute("appearance")).toBe(false);
  });

  test("with a return in view, its verdict comes first and Check is the primary button", async () => {
    const host = new FakeHost().addReturn(returnOf(NOVEMBER, "Nov")).activate("Nov");
    const { root, controller } = mount(host);
    await controller.start();
    await flush();
    expect(sections(root)[0]).toBe("Check the active return");
    expect(root.querySelector("#hkmr-check")?.getAttribute("appearance")).toBe("primary");
    expect(root.querySelector("#hkmr-insert")?.hasAttribute("appearance")).toBe(false);
  });
});

describe("the pane's dates read day first", () => {
  test("the month ended shows dd/mm/yyyy, and typed day first it is kept as that day", () => {
    const { root, controller } = mount(new FakeHost(), "legacy-2011");
    const month = control(root, "For the month ended (dd/mm/yyyy)");
    expect(month.getAttribute("value")).toBe("30/11/2011");
    type(month, "31/10/2011");
    expect(controller.state.input.monthEnded).toBe("2011-10-31");
    type(month, "30 September 2011");
    expect(controller.state.input.monthEnded).toBe("2011-09-30");
    type(month, "10/31/2011"); // month first does not read: no 31st month
    expect(controller.state.input.monthEnded).toBe("10/31/2011");
    const submitted = control(root, "Date submitted (optional, dd/mm/yyyy)");
    type(submitted, "05/12/2011");
    expect(controller.state.input.submitted).toBe("2011-12-05");
  });
});

describe("the 2011 form for a month filed on FF301", () => {
  test("gets a plain note, and the form may still be inserted", async () => {
    const host = new FakeHost();
    const { root, controller } = mount(host, "legacy-2011");
    const note = () => root.querySelector<HTMLElement>(".version-note");
    expect(note()?.hidden).toBe(true); // November 2011 was filed on the paper form
    controller.updateInsert({ monthEnded: "2026-06-30", issuer: "Example Holdings Limited" });
    expect(note()?.hidden).toBe(false);
    expect(text(note())).toMatch(
      /^Note: months ended after 2021 are filed on the HKEX e-form FF301/
    );
    expect(text(note())).toContain("30 June 2026");
    await controller.insert();
    expect(controller.state.errors).toEqual({});
    expect(host.count("insertTemplate")).toBe(1);
    controller.updateInsert({ formId: "ff301-1.2" });
    expect(note()?.hidden).toBe(true);
  });
});
