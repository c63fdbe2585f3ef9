/** The classes of shares of an FF301 return in the "New return" form: a count, a group per class. */
import {
  blockControls,
  blockField,
  classCountOf,
  DEFAULT_BLOCK,
  MAX_CLASSES,
  type BlockControl,
  type BlockInput,
} from "../class-blocks";
import type { PaneController } from "../controller";
import type { InsertField, InsertInput } from "../insert-form";
import { checkField, choiceField, textField, type Control } from "./controls";
import { checkedOf, h, uniqueId, valueOf } from "./dom";

/** The class count and one compact group of header cells per class, drawn for `count` classes. */
export class BlocksView {
  readonly element: HTMLElement;
  /** The controls drawn now, by the field their message is keyed on. */
  readonly fields = new Map<InsertField, Control>();
  private readonly list: HTMLElement;
  private readonly groups: HTMLElement[] = [];
  private readonly layout: readonly BlockControl[];

  constructor(
    private readonly controller: PaneController,
    input: InsertInput
  ) {
    this.layout = blockControls(input.formId);
    const count = textField("Number of classes of shares", input.classCount, {
      type: "number",
      min: "1",
      max: String(MAX_CLASSES),
    });
    count.control.dataset.field = "classCount";
    const update = () => this.controller.updateInsert({ classCount: valueOf(count.control) });
    count.control.addEventListener("input", update);
    count.control.addEventListener("change", update);
    this.fields.set("classCount", count);
    this.list = h("div", { class: "class-blocks" });
    this.element = h(
      "fieldset",
      {},
      h("legend", {}, "Classes of shares"),
      h(
        "p",
        { class: "hint" },
        `One block per class in Sections I and II, 1 to ${MAX_CLASSES}; each as on the form.`
      ),
      count.element,
      this.list
    );
    this.render(input);
  }

  /** Adds or removes class groups to match the count (a count that does not read changes none). */
  render(input: InsertInput): void {
    const count = classCountOf(input.classCount) ?? this.groups.length;
    while (this.groups.length < count) {
      const n = this.groups.length + 1;
      const group = this.group(n, input.blocks[n - 1] ?? DEFAULT_BLOCK);
      this.groups.push(group);
      this.list.append(group);
    }
    while (this.groups.length > count) {
      const n = this.groups.length;
      this.groups.pop()?.remove();
      for (const { key } of this.layout) this.fields.delete(blockField(n, key));
    }
  }

  /** The header cells of class `n`, in the form's print order. */
  private group(n: number, block: BlockInput): HTMLElement {
    const title = uniqueId("hkmr-class-title");
    const controls = this.layout.map(({ key, label, choices }) => {
      const field = blockField(n, key);
      // a Yes/No cell ("Listed on the Exchange") is a checkbox: compact, and one key to answer
      const yesNo = choices?.length === 2 && choices[0] === "Yes" && choices[1] === "No";
      const drawn = yesNo
        ? checkField(label, block[key] === "Yes", "tick")
        : choices
          ? choiceField(
              label,
              choices.map((c) => ({ value: c, label: c })),
              block[key]
            )
          : textField(label, block[key], key === "stockCode" ? { inputmode: "numeric" } : {});
      if (key === "description") drawn.element.classList.add("wide");
      drawn.control.dataset.field = field;
      const read = () =>
        yesNo ? (checkedOf(drawn.control) ? "Yes" : "No") : valueOf(drawn.control);
      const update = () => {
        const blocks = [...this.controller.state.input.blocks];
        blocks[n - 1] = { ...(blocks[n - 1] ?? DEFAULT_BLOCK), [key]: read() };
        this.controller.updateInsert({ blocks });
      };
      drawn.control.addEventListener("input", update);
      drawn.control.addEventListener("change", update);
      this.fields.set(field, drawn);
      return drawn.element;
    });
    return h(
      "div",
      { class: "class-block", role: "group", "aria-labelledby": title },
      h("h3", { id: title }, `Class ${n}`),
      ...controls
    );
  }
}
