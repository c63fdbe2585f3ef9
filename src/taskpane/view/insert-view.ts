/**
 * The "New return" form: version, month, issuer, the classes of shares (fixed slots for the 2011
 * form, numbered blocks for FF301) and line counts.
 */
import type { PaneController, PaneState } from "../controller";
import {
  classChoices,
  COUNT_FIELDS,
  formChoices,
  hasBlocks,
  MAX_LINES,
  type ClassInput,
  type CountKey,
  type InsertField,
  type InsertInput,
  shownDate,
  typedDate,
  versionNote,
} from "../insert-form";
import { eLineChoices, eLineField, type ELineField } from "../e-lines-form";
import { BlocksView } from "./class-blocks-view";
import { choiceField, textInput } from "./controls";
import { checkedOf, h, setFlag, uniqueId, valueOf } from "./dom";

/** A date typed as text, shown day first (a date input would show the browser's order). */
const dateInput = (label: string, iso: string): HTMLElement =>
  textInput(label, shownDate(iso), { placeholder: "dd/mm/yyyy", inputmode: "numeric" });

/** The fields drawn once, typed as text or chosen from a list. */
type TextField = "formId" | "monthEnded" | "issuer" | "submitted" | CountKey;

const isCount = (key: TextField): key is CountKey => COUNT_FIELDS.some((f) => f.key === key);

/** The form's view; `render` follows the controller's state. */
export class InsertView {
  readonly element: HTMLElement;
  private readonly messages = new Map<InsertField, HTMLElement>();
  /** The classes of the chosen version: slot checkboxes, or the class blocks. */
  private readonly classArea: HTMLElement;
  private readonly classList: HTMLElement;
  private readonly classesMessage: HTMLElement;
  /** The counts of the chosen version's typed (E) lines. */
  private readonly eLinesArea: HTMLElement;
  private blocks: BlocksView | null = null;
  private readonly submit: HTMLElement;
  private readonly topSubmit: HTMLElement;
  private readonly topActions: HTMLElement;
  private readonly versionNote: HTMLElement;
  private readonly controls: HTMLElement[] = [];
  private formId = "";

  constructor(private readonly controller: PaneController) {
    const { input } = controller.state;
    this.classList = h("div", { class: "classes" });
    this.classesMessage = h("p", { class: "message", id: uniqueId("hkmr-classes-message") });
    this.classArea = h("div", { class: "class-area" });
    this.eLinesArea = h("div", { class: "e-lines-area" });
    this.submit = h(
      "fluent-button",
      { type: "submit", appearance: "primary", id: "hkmr-insert" },
      "Insert template"
    );
    // on a long form the first screen shows the button too: the entries below are remembered
    this.topSubmit = h(
      "fluent-button",
      { type: "submit", appearance: "primary", id: "hkmr-insert-top" },
      "Insert template"
    );
    this.topActions = h(
      "div",
      { class: "actions top-actions" },
      this.topSubmit,
      h("span", { class: "hint" }, "with the entries below")
    );
    this.versionNote = h("p", { class: "version-note", role: "note", hidden: true });
    const form = h(
      "form",
      { novalidate: true, "aria-labelledby": "hkmr-insert-title" },
      this.versionField(input),
      this.topActions,
      this.field("monthEnded", dateInput("For the month ended (dd/mm/yyyy)", input.monthEnded)),
      this.versionNote,
      this.field(
        "issuer",
        textInput("Name of issuer", input.issuer, { autocomplete: "organization" })
      ),
      this.field("submitted", dateInput("Date submitted (optional, dd/mm/yyyy)", input.submitted)),
      this.classArea,
      this.countsFieldset(input),
      this.eLinesArea,
      h("div", { class: "actions" }, this.submit)
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.controller.insert().then(() => this.focusFirstError());
    });
    this.element = h(
      "section",
      { "aria-labelledby": "hkmr-insert-title" },
      h("h2", { id: "hkmr-insert-title" }, "New return"),
      h(
        "p",
        { class: "hint" },
        "Inserts a new sheet laid out as the form, with a check beside each figure."
      ),
      form
    );
    this.renderClasses(input);
  }

  /** A control with its message below it. */
  private field(key: TextField, control: HTMLElement): HTMLElement {
    return h("div", { class: "field" }, control, this.register(key, control));
  }

  /** Sends a control's edits to the controller; returns the element for its message. */
  private register(
    key: TextField,
    control: HTMLElement,
    message: HTMLElement = h("p", { class: "message", id: `${control.id}-message` })
  ): HTMLElement {
    this.messages.set(key, message);
    this.controls.push(control);
    control.dataset.field = key;
    const update = () => {
      const typed = valueOf(control);
      // dates are typed day first and kept as ISO
      const value = key === "monthEnded" || key === "submitted" ? typedDate(typed) : typed;
      const { input } = this.controller.state;
      if (isCount(key)) this.controller.updateInsert({ counts: { ...input.counts, [key]: value } });
      else this.controller.updateInsert({ [key]: value });
    };
    control.addEventListener("input", update);
    control.addEventListener("change", update);
    return message;
  }

  private versionField(input: InsertInput): HTMLElement {
    const choices = formChoices().map((c) => ({ value: c.id, label: c.label }));
    const drawn = choiceField("Form version", choices, input.formId, "version");
    this.register("formId", drawn.control, drawn.message);
    return drawn.element;
  }

  /**
   * A count per typed (E) line of the chosen version: a type that moves several classes takes a
   * line for each, in class order (FF301 prints part (E) within each class).
   */
  private renderELines(input: InsertInput): void {
    // the last version's typed lines leave with their controls
    for (const key of [...this.messages.keys()])
      if (key.startsWith("eLines.")) this.messages.delete(key);
    const kept = this.controls.filter((c) => !c.dataset.field?.startsWith("eLines."));
    this.controls.splice(0, this.controls.length, ...kept);
    const fields = eLineChoices(input.formId).map(({ key, label }) => {
      const field: ELineField = eLineField(key);
      const control = textInput(label, input.eLines?.[key] ?? "1", { type: "number" });
      const message = h("p", { class: "message", id: `${control.id}-message` });
      this.messages.set(field, message);
      this.controls.push(control);
      control.dataset.field = field;
      const update = () => {
        const eLines = { ...this.controller.state.input.eLines, [key]: valueOf(control) };
        this.controller.updateInsert({ eLines });
      };
      control.addEventListener("input", update);
      control.addEventListener("change", update);
      return h("div", { class: "field" }, control, message);
    });
    this.eLinesArea.replaceChildren(
      h(
        "fieldset",
        {},
        h("legend", {}, "Lines of each type in part (E)"),
        h(
          "p",
          { class: "hint" },
          "One line of each type; a type that moves several classes takes a line for each class, in the order of the classes."
        ),
        h("div", { class: "counts" }, ...fields)
      )
    );
  }

  /** The classes of the chosen version: its slots' checkboxes, or the count and class blocks. */
  private renderClasses(input: InsertInput): void {
    this.renderELines(input);
    this.formId = input.formId;
    this.messages.delete("classes");
    if (hasBlocks(input.formId)) {
      this.blocks = new BlocksView(this.controller, input);
      this.classArea.replaceChildren(this.blocks.element);
      return;
    }
    this.blocks = null;
    this.messages.set("classes", this.classesMessage);
    this.classArea.replaceChildren(
      h(
        "fieldset",
        { "aria-describedby": this.classesMessage.id },
        h("legend", {}, "Classes of shares in use"),
        this.classList,
        this.classesMessage
      )
    );
    this.classList.replaceChildren(
      ...classChoices(input.formId).map((choice) => {
        const current = input.classes[choice.id] ?? {
          inUse: false,
          stockCode: "",
          description: "",
        };
        const set = (patch: Partial<ClassInput>) => {
          const classes = this.controller.state.input.classes;
          const now = classes[choice.id] ?? current;
          this.controller.updateInsert({
            classes: { ...classes, [choice.id]: { ...now, ...patch } },
          });
        };
        const id = uniqueId("hkmr-class");
        const box = h("fluent-checkbox", { id, slot: "input", checked: current.inUse });
        box.dataset.classId = choice.id; // no data-field: its message is the fieldset's
        box.addEventListener("change", () => set({ inUse: checkedOf(box) }));
        const code = textInput("Stock code", current.stockCode, { "data-class-id": choice.id });
        const description = textInput("Description", current.description, {
          "data-class-id": choice.id,
        });
        code.addEventListener("input", () => set({ stockCode: valueOf(code) }));
        description.addEventListener("input", () => set({ description: valueOf(description) }));
        return h(
          "div",
          { class: "class" },
          h(
            "fluent-field",
            { "label-position": "after" },
            h("label", { slot: "label", for: id }, choice.label),
            box
          ),
          h(
            "div",
            {
              class: "class-details",
              role: "group",
              "aria-label": choice.label,
              hidden: !current.inUse,
            },
            code,
            description
          )
        );
      })
    );
  }

  private countsFieldset(input: InsertInput): HTMLElement {
    return h(
      "fieldset",
      {},
      h("legend", {}, "Lines on the form"),
      h("p", { class: "hint" }, `How many lines each part needs, 0 to ${MAX_LINES}.`),
      h(
        "div",
        { class: "counts" },
        ...COUNT_FIELDS.map((f) =>
          this.field(f.key, textInput(f.label, input.counts[f.key], { type: "number" }))
        )
      )
    );
  }

  /** Moves focus to the first control with a message, so the user lands where to fix. */
  private focusFirstError(): void {
    const errors = this.controller.state.errors;
    const controls = this.element.querySelectorAll<HTMLElement>("[data-field], fluent-checkbox");
    const first = [...controls].find((c) => {
      const key = (c.dataset.field ?? "classes") as InsertField;
      return errors[key] !== undefined;
    });
    first?.focus();
  }

  /** Shows the state: messages, the classes' details, and whether the form can be sent. */
  render(state: PaneState, enabled: boolean): void {
    if (state.input.formId !== this.formId) this.renderClasses(state.input);
    this.blocks?.render(state.input);
    const blockFields = [...(this.blocks?.fields ?? [])];
    const messages = [
      ...this.messages,
      ...blockFields.map(([key, drawn]) => [key, drawn.message] as const),
    ];
    for (const [key, message] of messages) {
      const text = state.errors[key] ?? "";
      if (message.textContent !== text) message.textContent = text;
    }
    for (const details of this.classList.querySelectorAll<HTMLElement>(".class-details")) {
      const box = details.parentElement?.querySelector("fluent-checkbox") as HTMLElement | null;
      const inUse = state.input.classes[box?.dataset.classId ?? ""]?.inUse ?? false;
      details.hidden = !inUse;
    }
    for (const control of [...this.controls, ...blockFields.map(([, drawn]) => drawn.control)]) {
      const key = control.dataset.field as InsertField | undefined;
      if (key && state.errors[key]) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
    setFlag(this.submit, "disabled", !enabled);
    setFlag(this.topSubmit, "disabled", !enabled);
    const note = versionNote(state.input) ?? "";
    if (this.versionNote.textContent !== note) this.versionNote.textContent = note;
    this.versionNote.hidden = note === "";
  }

  /** Whether the form leads the pane (no return in view): its buttons are then the primary ones. */
  lead(leading: boolean): void {
    for (const button of [this.submit, this.topSubmit])
      if (leading) button.setAttribute("appearance", "primary");
      else button.removeAttribute("appearance");
    this.topActions.hidden = !leading;
  }
}
