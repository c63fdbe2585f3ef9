/** The check's result: counts in words, findings by section, each one a way to its cell. */
import type { CheckView } from "../controller";
import { plural } from "../findings";
import type { Finding } from "../../rules/types";
import { h } from "./dom";

/** The icon characters that go with each severity, so status never rests on colour alone. */
export const ICONS = {
  error: "✕",
  warning: "⚠",
  "to-fill": "✎",
  success: "✓",
  info: "ℹ",
} as const;

const WORDS = { error: "Error", warning: "Warning", "to-fill": "To fill" } as const;

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
    h("span", { class: "icon", "aria-hidden": "true" }, ICONS[finding.severity]),
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

/** Builds what a check found, for the result area of the pane. */
export function renderCheck(check: CheckView, select: (f: Finding) => void): HTMLElement[] {
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
      const compared = check.previousSheet
        ? `Checked ${check.sheetName} against ${check.previousSheet} (${check.previousMonth}).`
        : `Checked ${check.sheetName}. No return for ${check.previousMonth || "last month"} in this workbook, so the checks against last month were skipped.`;
      const parts: HTMLElement[] = [
        h(
          "div",
          { class: "summary", role: "group", "aria-label": "Findings" },
          badge(check.counts.errors, "error"),
          badge(check.counts.warnings, "warning")
        ),
        h("p", { class: "compared" }, compared),
      ];
      if (check.groups.length === 0) {
        parts.push(
          h(
            "p",
            { class: "all-pass" },
            h("span", { class: "icon", "aria-hidden": "true" }, `${ICONS.success} `),
            `All ${check.checks} checks pass`
          )
        );
      }
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
      return parts;
    }
  }
}
