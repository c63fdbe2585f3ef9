/**
 * @jest-environment jsdom
 */
import { FakeHost } from "./fake-host";
import { flush } from "./support";
import { choose, control, messageOf, mount, submit, type, unmount } from "./view-support";

afterEach(unmount);

/** The labels of the typed (E) line counts drawn. */
const eLineLabels = (root: HTMLElement): string[] =>
  [...root.querySelectorAll<HTMLElement>(".e-lines-area fluent-text-input")].map(
    (c) => c.textContent?.trim() ?? ""
  );

describe("the typed (E) line counts of the new-return form", () => {
  test("draws a count of 1 for each typed line of the version, and follows a new version", () => {
    const { root } = mount(new FakeHost());
    const labels = eLineLabels(root);
    expect(labels).toContain("6. Repurchase of shares");
    expect(labels).toContain("13. Cancellation of treasury shares");
    expect(control(root, "6. Repurchase of shares").getAttribute("value")).toBe("1");
    choose(control(root, "Form version"), "ff301-1.0");
    expect(eLineLabels(root)).not.toContain("13. Cancellation of treasury shares");
    expect(eLineLabels(root)).toHaveLength(9);
  });

  test("sends a count to the form, and shows a bad one's message under it", async () => {
    const { root, controller } = mount(new FakeHost());
    type(control(root, "6. Repurchase of shares"), "2");
    expect(controller.state.input.eLines).toEqual({ repurchase: "2" });
    type(control(root, "3. Placing"), "many");
    submit(root);
    await flush();
    expect(messageOf(control(root, "3. Placing"))).toBe('Between 0 and 200 lines "Placing"');
    expect(control(root, "3. Placing").getAttribute("aria-invalid")).toBe("true");
    expect(messageOf(control(root, "6. Repurchase of shares"))).toBe("");
  });
});
