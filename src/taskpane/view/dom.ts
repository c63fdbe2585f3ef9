/**
 * A few DOM helpers for the pane. Text always goes in as text nodes or textContent: a cell's
 * content can never become markup on this page.
 */

/** What an element's children may be: nodes, or strings that become text nodes. */
export type Child = Node | string | null | undefined | false;

/** Attribute values: true sets an empty attribute; false, null and undefined leave it out. */
export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Creates an element with attributes and children; strings become text, never HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Attributes,
  ...children: Child[]
): HTMLElementTagNameMap[K];
export function h(tag: string, attributes?: Attributes, ...children: Child[]): HTMLElement;
export function h(tag: string, attributes: Attributes = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, "");
    else if (value !== false && value !== null && value !== undefined)
      element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

/** Appends children; strings as text nodes. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** Sets or removes a boolean attribute (disabled, hidden, checked). */
export function setFlag(element: Element, name: string, on: boolean): void {
  if (on) element.setAttribute(name, "");
  else element.removeAttribute(name);
}

/**
 * The value of a control: a Fluent element's `value` property once it is defined, else its
 * `value` attribute (so the pane reads the same before the components load).
 */
export function valueOf(control: Element): string {
  const value = (control as { value?: unknown }).value;
  return typeof value === "string" ? value : (control.getAttribute("value") ?? "");
}

/** Whether a checkbox is checked: its `checked` property once defined, else the attribute. */
export function checkedOf(control: Element): boolean {
  const checked = (control as { checked?: unknown }).checked;
  return typeof checked === "boolean" ? checked : control.hasAttribute("checked");
}

let counter = 0;

/** A fresh element id with a readable prefix. */
export const uniqueId = (prefix: string): string => `${prefix}-${++counter}`;
