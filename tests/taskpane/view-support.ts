import { mountPane, type MountedPane } from "../../src/taskpane/view/pane";
import type { FakeHost } from "./fake-host";
import { paneOn } from "./support";

let mounted: MountedPane | null = null;

/**
 * Mounts the pane for a host into a fresh root (Fluent elements stay undefined, as in jsdom),
 * its form set to `formId` when one is given; `unmount` takes it down after each test.
 */
export function mount(host: FakeHost, formId?: string) {
  const root = document.createElement("main");
  document.body.replaceChildren(root);
  const { controller, logged } = paneOn(host);
  if (formId) controller.updateInsert({ formId });
  mounted = mountPane(root, controller);
  return { root, controller, logged };
}

/** Takes down the pane `mount` made, if any. */
export async function unmount(): Promise<void> {
  await mounted?.dispose();
  mounted = null;
}

export const click = (element: Element | null) => {
  if (!element) throw new Error("No such element");
  element.dispatchEvent(new MouseEvent("click", { bubbles: true }));
};

export const key = (element: Element, name: string) =>
  element.dispatchEvent(new KeyboardEvent("keydown", { key: name, bubbles: true }));

/** Types into a control as the Fluent element would report it: its value, then an input event. */
export function type(control: Element, value: string) {
  control.setAttribute("value", value);
  control.dispatchEvent(new Event("input", { bubbles: true }));
}

/** Picks a dropdown's value as the Fluent element would report it: its value, then a change. */
export function choose(control: Element, value: string) {
  control.setAttribute("value", value);
  control.dispatchEvent(new Event("change", { bubbles: true }));
}

/** Sends the new-return form. */
export const submit = (root: HTMLElement) =>
  root.querySelector("form")!.dispatchEvent(new Event("submit", { cancelable: true }));

export const text = (element: Element | null): string =>
  element?.textContent?.replace(/\s+/g, " ").trim() ?? "";

/** The control inside `scope` whose visible label (its own text, or a label for it) reads `label`. */
export function control(scope: HTMLElement, label: string): HTMLElement {
  const found = [
    ...scope.querySelectorAll<HTMLElement>("fluent-text-input, fluent-checkbox, fluent-dropdown"),
  ].find((c) => nameOf(scope, c) === label);
  if (!found) throw new Error(`No control labelled "${label}"`);
  return found;
}

/** A control's accessible name as the pane gives it: aria-label(ledby), a label for it, or its text. */
export function nameOf(scope: HTMLElement, element: Element): string {
  const aria = element.getAttribute("aria-label");
  if (aria) return aria;
  const by = element.getAttribute("aria-labelledby");
  if (by)
    return by
      .split(" ")
      .map((id) => text(document.getElementById(id)))
      .join(" ");
  const label = element.id ? scope.querySelector(`label[for="${element.id}"]`) : null;
  return text(label) || text(element);
}

/** The message shown under a control (its `.field` block's, or its Fluent field's). */
export function messageOf(control: HTMLElement): string {
  const holder = control.closest(".field, fluent-field");
  return text(holder?.querySelector(".message") ?? null);
}
