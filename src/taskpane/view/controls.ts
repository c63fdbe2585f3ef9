/** The form controls the pane draws: Fluent text inputs, dropdowns and checkboxes, with messages. */
import { h, uniqueId } from "./dom";

/** A drawn control: the element to wrap, the input itself, and the element for its message. */
export interface Control {
  readonly element: HTMLElement;
  readonly control: HTMLElement;
  readonly message: HTMLElement;
}

/** One entry of a dropdown: the value sent, and the words shown. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** A text control with its own visible label (the Fluent text input's label slot). */
export function textInput(
  label: string,
  value: string,
  attributes: Record<string, string | boolean> = {}
): HTMLElement {
  return h(
    "fluent-text-input",
    { id: uniqueId("hkmr-input"), value, appearance: "outline", ...attributes },
    label
  );
}

/** A text input with its message below it, in one `.field` block. */
export function textField(
  label: string,
  value: string,
  attributes: Record<string, string | boolean> = {}
): Control {
  const control = textInput(label, value, attributes);
  const message = h("p", { class: "message", id: `${control.id}-message` });
  return { element: h("div", { class: "field" }, control, message), control, message };
}

/** A dropdown labelled above it (a Fluent field), its message below, one choice selected. */
export function choiceField(
  label: string,
  choices: readonly Choice[],
  selected: string,
  className = ""
): Control {
  const id = uniqueId("hkmr-choice");
  const options = choices.map((choice) =>
    h("fluent-option", { value: choice.value, selected: choice.value === selected }, choice.label)
  );
  const control = h(
    "fluent-dropdown",
    { id, slot: "input", "aria-labelledby": `${id}-label` },
    h("fluent-listbox", {}, ...options)
  );
  const message = h("p", { class: "message", id: `${id}-message`, slot: "message" });
  const element = h(
    "fluent-field",
    { "label-position": "above", class: className || false },
    h("label", { slot: "label", for: id, id: `${id}-label` }, label),
    control,
    message
  );
  return { element, control, message };
}

/** A checkbox with its label after it (a Fluent field), its message below. */
export function checkField(label: string, checked: boolean, className = ""): Control {
  const id = uniqueId("hkmr-tick");
  const control = h("fluent-checkbox", { id, slot: "input", checked });
  const message = h("p", { class: "message", id: `${id}-message`, slot: "message" });
  const element = h(
    "fluent-field",
    { "label-position": "after", class: className || false },
    h("label", { slot: "label", for: id }, label),
    control,
    message
  );
  return { element, control, message };
}
