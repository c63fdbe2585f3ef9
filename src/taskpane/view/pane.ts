/** The whole pane: status, requirements notice, Check, Roll forward and New return. */
import type { PaneController, PaneState } from "../controller";
import { requirementsText } from "../requirements";
import { ICONS, renderCheck } from "./check-view";
import { h, setFlag } from "./dom";
import { InsertView } from "./insert-view";
import { installStyles } from "./styles";

// the icon and a leading word carry the kind of message besides its colour
const STATUS_WORDS = { error: "Error: ", success: "", info: "" } as const;

/** What mountPane returns: a way to take the pane down again. */
export interface MountedPane {
  readonly element: HTMLElement;
  dispose(): Promise<void>;
}

/** The instance key of the finding that has focus, to restore focus after a re-render. */
function focusedInstance(area: HTMLElement): string | undefined {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !area.contains(active)) return undefined;
  return active.closest<HTMLElement>("[data-instance]")?.dataset.instance;
}

/** A section of the pane: its heading (labelling it), a hint under it, then its content. */
function paneSection(titleId: string, title: string, hint: string, ...content: HTMLElement[]) {
  return h(
    "section",
    { "aria-labelledby": titleId },
    h("h2", { id: titleId }, title),
    h("p", { class: "hint" }, hint),
    ...content
  );
}

/**
 * Draws the pane into `root` (replacing what it held) and keeps it in step with the controller.
 * Works whether or not the Fluent components are defined: all text is in the light DOM.
 */
export function mountPane(root: HTMLElement, controller: PaneController): MountedPane {
  installStyles(root.ownerDocument);
  const statusIcon = h("span", { class: "icon", "aria-hidden": "true" });
  const statusWord = h("strong", { class: "status-word" });
  const statusText = h("span", { class: "status-text" });
  const status = h(
    "p",
    { class: "status", role: "status", "aria-live": "polite", "data-kind": "none" },
    statusIcon,
    statusWord,
    statusText
  );
  const noticeText = h("span");
  const notice = h(
    "div",
    { class: "notice", role: "alert", hidden: true },
    h("span", { class: "icon", "aria-hidden": "true" }, `${ICONS.warning} `),
    h("strong", {}, "Needs a newer Excel: "),
    noticeText
  );
  const checkButton = h("fluent-button", { appearance: "primary", id: "hkmr-check" }, "Check");
  const rollButton = h("fluent-button", { id: "hkmr-roll-forward" }, "Roll forward");
  const result = h("div", { class: "check-result" });
  const insert = new InsertView(controller);

  checkButton.addEventListener("click", () => void controller.check());
  rollButton.addEventListener("click", () => void controller.rollForward());

  const checkSection = paneSection(
    "hkmr-check-title",
    "Check the active return",
    "Says whether the sheet in view is ready to file, what is left to fill and what does not reconcile; select an item to go to its cell. Checks again after each edit and each change of sheet.",
    h("div", { class: "actions" }, checkButton),
    result
  );
  const rollSection = paneSection(
    "hkmr-roll-title",
    "Next month",
    "Creates next month's sheet from the active return: closing balances become opening balances. The active sheet is not changed.",
    h("div", { class: "actions" }, rollButton)
  );
  const element = h(
    "div",
    { class: "hkmr-pane" },
    h(
      "header",
      {},
      h("h1", {}, "HK Monthly Return"),
      h(
        "p",
        { class: "hint" },
        "Builds, checks and rolls forward the HKEX Monthly Return of Equity Issuer on Movements in Securities."
      )
    ),
    notice,
    status,
    checkSection,
    rollSection,
    insert.element
  );
  let leading: boolean | null = null;
  /** With no return in view the pane leads with the form; with one, with its verdict. */
  const arrange = (state: PaneState) => {
    const noReturn = state.check.kind === "idle" || state.check.kind === "noReturn";
    if (noReturn === leading) return;
    leading = noReturn;
    if (noReturn) status.after(insert.element, checkSection, rollSection);
    else status.after(checkSection, rollSection, insert.element);
    if (noReturn) checkButton.removeAttribute("appearance");
    else checkButton.setAttribute("appearance", "primary");
    insert.lead(noReturn);
  };

  const actions = {
    select: (cells: readonly string[]) => void controller.selectFinding(cells),
    use: (field: string) => controller.proposeFix(field),
    confirm: () => void controller.confirmFix(),
    cancel: () => controller.cancelFix(),
    undo: () => void controller.undoFix(),
  };
  let shownCheck: PaneState["check"] | null = null;
  let shownFix: PaneState["fix"] | undefined = undefined;
  const render = (state: PaneState) => {
    const enabled = state.missing.length === 0 && state.busy === null;
    setFlag(checkButton, "disabled", !enabled);
    setFlag(rollButton, "disabled", !enabled);
    insert.render(state, enabled);
    arrange(state);

    notice.hidden = state.missing.length === 0;
    const needs = state.missing.length ? requirementsText(state.missing) : "";
    if (noticeText.textContent !== needs) noticeText.textContent = needs;

    const kind = state.status?.kind ?? "none";
    status.dataset.kind = kind;
    statusIcon.textContent = state.status ? `${ICONS[state.status.kind]} ` : "";
    statusWord.textContent = state.status ? STATUS_WORDS[state.status.kind] : "";
    statusText.textContent = state.status?.text ?? "";

    if (state.check !== shownCheck || state.fix !== shownFix) {
      shownCheck = state.check;
      shownFix = state.fix;
      const focused = focusedInstance(result);
      result.replaceChildren(...renderCheck(state.check, state.fix, actions));
      if (focused) {
        const again = [...result.querySelectorAll<HTMLElement>("[data-instance]")].find(
          (item) => item.dataset.instance === focused
        );
        again?.focus();
      }
    }
  };

  const unsubscribe = controller.subscribe(render);
  render(controller.state);
  root.replaceChildren(element);
  return {
    element,
    async dispose() {
      unsubscribe();
      await controller.dispose();
      element.remove();
    },
  };
}
