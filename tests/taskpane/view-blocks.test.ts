/**
 * @jest-environment jsdom
 */
import { FakeHost } from "./fake-host";
import { flush } from "./support";
import {
  choose,
  control,
  messageOf,
  mount,
  nameOf,
  submit,
  text,
  type,
  unmount,
} from "./view-support";

afterEach(unmount);

/** The class groups drawn, each as its name and the labels of its controls. */
function groups(root: HTMLElement) {
  return [...root.querySelectorAll<HTMLElement>(".class-block")].map((group) => ({
    name: nameOf(root, group),
    controls: [...group.querySelectorAll("fluent-text-input, fluent-checkbox")].map((c) =>
      nameOf(root, c)
    ),
  }));
}

/** Unticks a checkbox as the Fluent element would report it. */
function untick(box: Element) {
  box.removeAttribute("checked");
  box.dispatchEvent(new Event("change", { bubbles: true }));
}

const group = (root: HTMLElement, n: number): HTMLElement =>
  root.querySelectorAll<HTMLElement>(".class-block")[n - 1];

const V12_LABELS = [
  "Class of shares",
  "Type of shares",
  "Listed on the Exchange",
  "Stock code (if listed)",
  "Description",
];

describe("the class blocks of an FF301 return", () => {
  test("starts with a class count of 1 and one labelled group, its defaults filled in", () => {
    const { root } = mount(new FakeHost());
    expect(nameOf(root, root.querySelector("fluent-dropdown")!)).toBe("Form version");
    expect(control(root, "Number of classes of shares").getAttribute("value")).toBe("1");
    expect(groups(root)).toEqual([{ name: "Class 1", controls: V12_LABELS }]);
    const first = group(root, 1);
    expect(control(first, "Class of shares").getAttribute("value")).toBe("Ordinary shares");
    expect(control(first, "Type of shares").getAttribute("value")).toBe("Not applicable");
    // listed on the Exchange, Yes or No: a checkbox, ticked for Yes
    const listed = control(first, "Listed on the Exchange");
    expect(listed.tagName).toBe("FLUENT-CHECKBOX");
    expect(listed.hasAttribute("checked")).toBe(true);
    // the 2011 form's slot checkboxes are not drawn for FF301
    expect(root.querySelectorAll("fluent-checkbox")).toHaveLength(1);
  });

  test("draws one group per class as the count changes, keeping what was typed", () => {
    const { root, controller } = mount(new FakeHost());
    const count = control(root, "Number of classes of shares");
    type(count, "3");
    expect(groups(root).map((g) => g.name)).toEqual(["Class 1", "Class 2", "Class 3"]);
    type(control(group(root, 3), "Type of shares"), "H");
    expect(controller.state.input.blocks[2].type).toBe("H");
    type(count, ""); // retyping: the groups stay until a count reads
    expect(groups(root)).toHaveLength(3);
    type(count, "2");
    expect(groups(root)).toHaveLength(2);
    type(count, "3");
    expect(control(group(root, 3), "Type of shares").getAttribute("value")).toBe("H");
  });

  test("sends each control's edits to its class", () => {
    const { root, controller } = mount(new FakeHost());
    type(control(root, "Number of classes of shares"), "2");
    const second = group(root, 2);
    untick(control(second, "Listed on the Exchange"));
    type(control(second, "Class of shares"), "Domestic shares");
    type(control(second, "Description"), "Domestic shares (unlisted)");
    expect(controller.state.input.blocks[1]).toEqual({
      className: "Domestic shares",
      type: "Not applicable",
      listed: "No",
      stockCode: "",
      description: "Domestic shares (unlisted)",
    });
  });

  test("shows each class's message under its control and focuses the first", async () => {
    const host = new FakeHost();
    const { root } = mount(host);
    type(control(root, "Name of issuer"), "Example Holdings Limited");
    type(control(root, "Number of classes of shares"), "2");
    type(control(group(root, 2), "Stock code (if listed)"), "123456");
    const code1 = control(group(root, 1), "Stock code (if listed)");
    const code2 = control(group(root, 2), "Stock code (if listed)");
    // jsdom cannot focus an undefined custom element: see that the pane asks it to
    const focus = jest.spyOn(code1, "focus");
    submit(root);
    await flush();
    expect(messageOf(code1)).toBe("Class 1 is listed: enter its stock code (1 to 5 digits)");
    expect(messageOf(code2)).toBe("Class 2: a stock code is 1 to 5 digits");
    expect(code1.getAttribute("aria-invalid")).toBe("true");
    expect(focus).toHaveBeenCalledTimes(1);
    expect(text(root.querySelector("[role=status]"))).toBe(
      "✕ Error: 2 fields need attention: Class 1 is listed: enter its stock code (1 to 5 digits)."
    );
    expect(host.count("insertTemplate")).toBe(0);

    type(code1, "9999");
    type(code2, "89999");
    expect(root.querySelectorAll(".message:not(:empty)")).toHaveLength(0);
    expect(code1.hasAttribute("aria-invalid")).toBe(false);
  });

  test("a bad class count has its message, and the groups stay as they were", async () => {
    const { root } = mount(new FakeHost());
    const count = control(root, "Number of classes of shares");
    type(count, "12");
    submit(root);
    await flush();
    expect(messageOf(count)).toBe("Between 1 and 10 classes of shares");
    expect(groups(root)).toHaveLength(1);
  });

  test("switching to the 2011 form shows its class checkboxes; back, the blocks as typed", () => {
    const { root, controller } = mount(new FakeHost());
    type(control(root, "Name of issuer"), "Example Holdings Limited");
    type(control(root, "Number of classes of shares"), "2");
    type(control(group(root, 1), "Stock code (if listed)"), "9999");
    const version = control(root, "Form version");
    choose(version, "legacy-2011");
    expect(root.querySelectorAll(".class-block")).toHaveLength(0);
    expect([...root.querySelectorAll("fluent-checkbox")].map((c) => nameOf(root, c))).toEqual([
      "Ordinary shares (1)",
      "Ordinary shares (2)",
      "Preference shares",
      "Other class",
    ]);
    choose(version, "ff301-1.0");
    // v1.0 labels its listing "Listed on SEHK" where later versions say "on the Exchange"
    expect(groups(root).map((g) => g.controls[2])).toEqual(["Listed on SEHK", "Listed on SEHK"]);
    expect(control(group(root, 1), "Stock code").getAttribute("value")).toBe("9999");
    expect(controller.state.input.issuer).toBe("Example Holdings Limited");
  });
});
