/**
 * The likely wrong figure, shown before the findings: "Likely cause: B36, ... 1,000,250,000
 * would clear 2 errors." with a "Use" button; then the question old -> new, then Undo.
 */
import type { CheckResult } from "../check";
import type { FixState } from "../fix";
import { whereOf } from "../fix";
import { cellNameOf, clearsText } from "../../rules/cause";
import { h } from "./dom";

/** What the pane does when the user answers. */
export interface FixActions {
  use(field: string): void;
  confirm(): void;
  cancel(): void;
  undo(): void;
}

/** How many of the equally likely cells get their own "Use" button. */
const SHOWN = 3;

/** A button with a data-action, for the view's tests and the e2e test to find. */
function button(text: string, action: string, field: string | null, onClick: () => void) {
  const el = h(
    "fluent-button",
    { class: "fix-button", "data-action": action, "data-target": field, size: "small" },
    text
  );
  el.addEventListener("click", onClick);
  return el;
}

/**
 * The most likely causes: the first suggestion, and up to two named as equally likely with it,
 * each with its value and a "Use" button, then the other equally likely cells by name and the
 * findings it explains (`explained`); an empty list when there is no suggestion.
 */
export function renderLikely(
  check: CheckResult,
  actions: FixActions,
  explained: HTMLElement | null = null
): HTMLElement[] {
  const [top] = check.suggestions;
  if (!top) return [];
  const tied = new Set(top.tiedWith.map((c) => c.field));
  const likely = [top, ...check.suggestions.filter((s) => tied.has(s.field))].slice(0, SHOWN);
  // the rest of a long tie (a figure many blank cells could account for) is named, not offered
  const rest = top.tiedWith.filter((c) => !likely.some((s) => s.field === c.field));
  const items = likely.map((s, i) =>
    h(
      "div",
      { class: "likely-item", "data-target": s.field },
      h(
        "p",
        { class: "likely-text" },
        h("strong", {}, i === 0 ? "Likely cause: " : "Equally likely: "),
        `${cellNameOf(s)}. ${s.value} would clear ${clearsText(s.clears)}.`
      ),
      button(`Use ${s.value}`, "use", s.field, () => actions.use(s.field))
    )
  );
  const others = rest.length
    ? h(
        "p",
        { class: "likely-tied" },
        `Equally likely too: ${rest.map((c) => c.address || c.label).join(", ")}.`
      )
    : null;
  return [
    h(
      "div",
      { class: "likely", role: "group", "aria-label": "Likely cause" },
      ...items,
      others ?? "",
      explained ?? ""
    ),
  ];
}

/** The question before a write, or the Undo offer after one; nothing when there is neither. */
export function renderFix(fix: FixState | null, actions: FixActions): HTMLElement[] {
  if (!fix) return [];
  if (fix.kind === "confirm")
    return [
      h(
        "div",
        { class: "fix", "data-kind": "confirm", role: "group", "aria-label": "Confirm the change" },
        h("p", {}, `Change ${whereOf(fix)} from ${fix.from} to ${fix.to}?`),
        h(
          "div",
          { class: "actions" },
          button(`Change to ${fix.to}`, "confirm", fix.field, () => actions.confirm()),
          button("Cancel", "cancel", fix.field, () => actions.cancel())
        )
      ),
    ];
  return [
    h(
      "div",
      { class: "fix", "data-kind": "done", role: "group", "aria-label": "Undo the change" },
      h("p", {}, `${whereOf(fix)} now holds ${fix.to} (it held ${fix.from}).`),
      h(
        "div",
        { class: "actions" },
        button(`Undo: put back ${fix.from}`, "undo", fix.field, () => actions.undo())
      )
    ),
  ];
}
