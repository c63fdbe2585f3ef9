/**
 * The plan's data validation on the preview grid, as Excel shows it: the input prompt (title and
 * message) in a small box under the selected cell, and for a list validation a drop-down button
 * at the cell's right edge that opens its choices (also by Alt+Down). Choosing writes the choice
 * as if typed. No workbook state here: the grid says what is selected and writes the choice.
 */
import type { PlanValidation } from "../plan/types";
import { el } from "./dom";
import type { Box } from "./grid-editor";

const CSS = `
.wb-prompt { position: absolute; z-index: 8; width: max-content; max-width: 260px; padding: 6px 8px; background: #ffffe1;
  border: 1px solid #767676; box-shadow: 1px 1px 3px rgba(0,0,0,.25); font-size: 12px; line-height: 16px;
  white-space: normal; pointer-events: none; color: #242424; }
.wb-prompt strong { display: block; margin-bottom: 2px; }
.wb-dropbutton { position: absolute; z-index: 8; width: 18px; padding: 0; border: 1px solid #a6a6a6;
  background: #f3f3f3; font-size: 10px; line-height: 14px; cursor: pointer; color: #242424; }
.wb-list { position: absolute; z-index: 9; min-width: 80px; max-width: 420px; max-height: 220px;
  overflow-y: auto; margin: 0; padding: 2px 0; list-style: none; background: #fff; border: 1px solid #767676;
  box-shadow: 1px 2px 6px rgba(0,0,0,.3); font-size: 13px; outline: none; }
.wb-list li { padding: 2px 8px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; cursor: default; }
.wb-list li[aria-selected="true"] { background: #cce8d9; }
`;

function installCss(): void {
  if (document.getElementById("hkmr-grid-validation")) return;
  const style = el("style", { id: "hkmr-grid-validation" });
  style.textContent = CSS;
  document.head.append(style);
}

/** What the validation layer asks of the grid. */
export interface ValidationHost {
  /** Writes a choice into the selected cell, as if typed. */
  readonly choose: (text: string) => void;
  /** The list closed: the focus goes back to the grid. */
  readonly closed: () => void;
}

/** The input prompt, the drop-down button and the list of choices, laid over the cell layer. */
export class ValidationLayer {
  readonly prompt: HTMLElement;
  readonly button: HTMLButtonElement;
  readonly list: HTMLUListElement;
  private choices: readonly string[] = [];
  private active = 0;

  constructor(private readonly host: ValidationHost) {
    installCss();
    this.prompt = el("div", {
      class: "wb-prompt",
      id: "wb-input-prompt",
      role: "tooltip",
      hidden: true,
    });
    this.button = el(
      "button",
      {
        type: "button",
        class: "wb-dropbutton",
        tabindex: -1,
        hidden: true,
        "aria-label": "Show the choices",
      },
      "▼"
    );
    this.list = el("ul", { class: "wb-list", role: "listbox", tabindex: -1, hidden: true });
    this.button.addEventListener("mousedown", (event) => {
      event.preventDefault(); // the grid keeps the selection; the list takes the focus
      event.stopPropagation();
      if (this.isOpen) this.close();
      else this.open();
    });
    this.list.addEventListener("mousedown", (event) => {
      event.preventDefault();
      event.stopPropagation();
      const item = (event.target as HTMLElement).closest("li");
      if (item?.dataset.index) this.pick(Number(item.dataset.index));
    });
    this.list.addEventListener("keydown", (event) => this.key(event));
    this.list.addEventListener("blur", () => this.hideList());
  }

  /** The elements to add to the grid's cell layer. */
  get elements(): HTMLElement[] {
    return [this.prompt, this.button, this.list];
  }

  /** Whether the list of choices is open. */
  get isOpen(): boolean {
    return !this.list.hidden;
  }

  /**
   * Shows what the selected cell's validation asks (nothing when it has none); `roomBelow` is
   * how many pixels of the view lie under the cell.
   */
  show(
    validation: PlanValidation | undefined,
    box: Box,
    editable: boolean,
    roomBelow: number
  ): void {
    this.hideList();
    const hasPrompt =
      !!validation && (validation.inputTitle !== "" || validation.inputMessage !== "");
    this.prompt.hidden = !hasPrompt || !editable;
    if (hasPrompt) {
      this.prompt.replaceChildren(
        el("strong", {}, validation.inputTitle),
        el("span", {}, validation.inputMessage)
      );
      // below the cell and a little to its right, as Excel places its input message; above
      // it when the view has no room below
      const height = this.prompt.hidden ? 0 : this.prompt.offsetHeight;
      const below = height + 8 <= roomBelow || box.y < height + 8;
      Object.assign(this.prompt.style, {
        left: `${box.x + Math.min(box.w, 48)}px`,
        top: `${below ? box.y + box.h + 4 : box.y - height - 4}px`,
      });
    }
    const list = validation?.kind === "list" && editable ? (validation.list ?? []) : [];
    this.choices = list;
    this.button.hidden = list.length === 0;
    Object.assign(this.button.style, {
      left: `${box.x + box.w + 1}px`,
      top: `${box.y + Math.max(0, box.h - 18)}px`,
      height: `${Math.min(box.h, 18)}px`,
    });
    Object.assign(this.list.style, { left: `${box.x}px`, top: `${box.y + box.h + 1}px` });
    this.list.style.minWidth = `${Math.max(box.w, 80)}px`;
  }

  /** Hides everything (no sheet, or a cell being typed into). */
  hide(): void {
    this.hideList();
    this.prompt.hidden = true;
    this.button.hidden = true;
  }

  /** Opens the list of choices with the cell's current text highlighted; false when none. */
  open(current = ""): boolean {
    if (this.choices.length === 0) return false;
    this.active = Math.max(0, this.choices.indexOf(current));
    this.list.replaceChildren(
      ...this.choices.map((choice, k) =>
        el("li", { role: "option", id: `wb-choice-${k}`, "data-index": k }, choice)
      )
    );
    this.prompt.hidden = true; // the list covers where the prompt stands
    this.list.hidden = false;
    this.highlight();
    this.list.focus({ preventScroll: true });
    return true;
  }

  /** Closes the list without choosing. */
  close(): void {
    if (!this.isOpen) return;
    this.hideList();
    this.host.closed();
  }

  private hideList(): void {
    this.list.hidden = true;
    this.list.removeAttribute("aria-activedescendant");
  }

  private highlight(): void {
    this.list.querySelectorAll("li").forEach((item, k) => {
      item.setAttribute("aria-selected", k === this.active ? "true" : "false");
      if (k === this.active) item.scrollIntoView({ block: "nearest" });
    });
    this.list.setAttribute("aria-activedescendant", `wb-choice-${this.active}`);
  }

  private pick(index: number): void {
    const choice = this.choices[index];
    this.hideList();
    this.host.closed();
    if (choice !== undefined) this.host.choose(choice);
  }

  private key(event: KeyboardEvent): void {
    event.stopPropagation(); // the grid's keys do not apply inside the list
    const last = this.choices.length - 1;
    switch (event.key) {
      case "ArrowDown":
        this.active = Math.min(last, this.active + 1);
        break;
      case "ArrowUp":
        this.active = Math.max(0, this.active - 1);
        break;
      case "Home":
        this.active = 0;
        break;
      case "End":
        this.active = last;
        break;
      case "Enter":
      case "Tab":
        event.preventDefault();
        return this.pick(this.active);
      case "Escape":
        event.preventDefault();
        return this.close();
      default:
        return;
    }
    event.preventDefault();
    this.highlight();
  }
}
