/**
 * The verdict on the sheet in view: its name and headline, the likely cause first, the cells
 * left to fill apart (not red), then errors and warnings by section, each a way to its cell.
 */
import type { CheckResult, NamedCell } from "../check";
import type { CheckView, FixState } from "../controller";
import { plural } from "../findings";
import type { Finding } from "../../rules/types";
import { h } from "./dom";
import { renderFix, renderLikely, type FixActions } from "./fix-view";

/** The icon characters that go with each severity, so status never rests on colour alone. */
export const ICONS = { error: "✕", warning: "⚠", success: "✓", info: "ℹ" } as const;

const WORDS = { error: "Error", warning: "Warning", "to-fill": "To fill" } as const;
const FINDING_ICONS = { ...ICONS, "to-fill": "✎" } as const;
const STATUS_ICONS = { ready: ICONS.success, incomplete: "✎", errors: ICONS.error } as const;

/** What the pane does when the user picks a finding or a cell, or answers about a fix. */
export interface CheckActions extends FixActions {
  select(cells: readonly string[]): void;
}

/** A count as a badge: an icon, the number and its noun ("✕ 2 errors"). */
function badge(count: number, kind: "error" | "warning"): HTMLElement {
  const color = count === 0 ? "subtle" : kind === "error" ? "danger" : "warning";
  return h(
    "fluent-badge",
    { appearance: "tint", color, shape: "rounded", size: "large", class: "count" },
    h("span", { class: "icon", "aria-hidden": "true" }, `${ICONS[kind]} `),
    plural(count, kind)
  );
}

/** One finding as a keyboard-reachable button: severity icon and word, then its message. */
function findingItem(finding: Finding, select: (f: Finding) => void): HTMLElement {
  const clickable = finding.cells.length > 0;
  const item = h(
    "div",
    {
      class: "finding",
      "data-severity": finding.severity,
      "data-instance": finding.instance,
      role: clickable ? "button" : null,
      tabindex: clickable ? 0 : null,
      title: clickable ? "Select this cell on the sheet" : null,
    },
    h("span", { class: "icon", "aria-hidden": "true" }, FINDING_ICONS[finding.severity]),
    h("span", { class: "severity" }, `${WORDS[finding.severity]}:`),
    h("span", { class: "text" }, finding.message)
  );
  if (clickable) {
    item.addEventListener("click", () => select(finding));
    item.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault(); // Space would scroll the pane
      select(finding);
    });
  }
  return h("li", {}, item);
}

/** The findings the likely cause would clear, folded under it: shown on request. */
function explained(check: CheckResult, select: (f: Finding) => void): HTMLElement | null {
  const list = check.explained;
  if (list.length === 0) return null;
  return h(
    "details",
    { class: "explained" },
    h("summary", {}, `The ${plural(list.length, "finding")} it would clear`),
    h("ul", { class: "findings" }, ...list.map((f) => findingItem(f, select)))
  );
}

/** The headline, naming the sheet it speaks of: "MR 2026-06: 12 cells to fill · 1 error". */
function verdictLine(check: CheckResult): HTMLElement {
  return h(
    "p",
    { class: "verdict", "data-status": check.status, "data-sheet": check.sheetName },
    h("span", { class: "icon", "aria-hidden": "true" }, `${STATUS_ICONS[check.status]} `),
    h("strong", { class: "verdict-sheet" }, `${check.sheetName}: `),
    h("span", { class: "headline" }, check.headline)
  );
}

const SHOWN_TO_FILL = 12;

/** The cells left to fill, apart from the findings and not in red; each selects its cell. */
function toFillList(cells: readonly NamedCell[], select: (cells: string[]) => void): HTMLElement[] {
  if (cells.length === 0) return [];
  const item = (cell: NamedCell) => {
    const el = h(
      "div",
      {
        class: "finding",
        "data-severity": "to-fill",
        "data-instance": `to-fill:${cell.field}`,
        role: "button",
        tabindex: 0,
        title: "Select this cell on the sheet",
      },
      h("span", { class: "icon", "aria-hidden": "true" }, FINDING_ICONS["to-fill"]),
      h("span", { class: "text" }, cell.address ? `${cell.address}: ${cell.label}` : cell.label)
    );
    el.addEventListener("click", () => select([cell.field]));
    el.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      select([cell.field]);
    });
    return h("li", {}, el);
  };
  const more = cells.length - SHOWN_TO_FILL;
  return [
    h(
      "div",
      { class: "to-fill", role: "group", "aria-labelledby": "hkmr-to-fill" },
      h("h3", { id: "hkmr-to-fill" }, `To fill (${cells.length})`),
      h(
        "ul",
        { class: "findings" },
        ...cells.slice(0, SHOWN_TO_FILL).map(item),
        more > 0 ? h("li", { class: "more" }, `and ${plural(more, "more cell")}`) : null
      )
    ),
  ];
}

/** Builds what a check found, for the result area of the pane. */
export function renderCheck(
  check: CheckView,
  fix: FixState | null,
  actions: CheckActions
): HTMLElement[] {
  const select = (finding: Finding) => actions.select(finding.cells);
  switch (check.kind) {
    case "idle":
      return [];
    case "noReturn":
      return [h("p", { class: "empty" }, "The active sheet holds no monthly return.")];
    case "unknownForm":
      return [
        h(
          "p",
          { class: "empty" },
          `${check.sheetName} uses form version "${check.formId}", which this add-in does not know.`
        ),
      ];
    case "result": {
      const compared = check.notices.length
        ? `Checked ${check.sheetName}; ${check.previousSheet ?? "last month's sheet"} was found but not used:`
        : check.previousSheet
          ? `Checked ${check.sheetName} against ${check.previousSheet} (${check.previousMonth}).`
          : `Checked ${check.sheetName}. No return for ${check.previousMonth || "last month"} in this workbook, so the checks against last month were skipped.`;
      const parts: HTMLElement[] = [
        verdictLine(check),
        h(
          "div",
          { class: "summary", role: "group", "aria-label": "Findings" },
          badge(check.counts.errors, "error"),
          badge(check.counts.warnings, "warning")
        ),
        h("p", { class: "compared" }, compared),
        // last month's sheet found but not this issuer's or form's: why its checks were skipped
        ...check.notices.map((text) =>
          h("p", { class: "compared notice-previous", role: "note" }, text)
        ),
        // a change made on another sheet waits for that sheet to come back into view
        ...(fix?.sheetName === check.sheetName ? renderFix(fix, actions) : []),
        ...(fix?.kind === "confirm" ? [] : renderLikely(check, actions, explained(check, select))),
      ];
      for (const group of check.groups) {
        const id = `hkmr-group-${group.key.replace(/[^A-Za-z0-9]+/g, "-")}`;
        parts.push(
          h(
            "div",
            { class: "group", role: "group", "aria-labelledby": id },
            h("h3", { id }, group.title),
            h("ul", { class: "findings" }, ...group.findings.map((f) => findingItem(f, select)))
          )
        );
      }
      // what is left to fill comes after what is wrong, apart from it and never in red
      return [...parts, ...toFillList(check.toFill, (cells) => actions.select(cells))];
    }
  }
}
