import type { Layout, ValueKind } from "../form";
import { runsOf } from "./a1";
import type { CellStyle, PlanCell, PlanValidation, StyleName, TemplatePlan } from "./types";

/** The template's styles: inputs are filled and unlocked, everything else locked. */
export const STYLES: Readonly<Record<StyleName, CellStyle>> = {
  title: { bold: true, fontSize: 14, wrap: true, locked: true },
  section: { bold: true, fill: "#D9E1F2", locked: true },
  part: { bold: true, italic: true, fill: "#EDF1F9", wrap: true, locked: true },
  heading: {
    bold: true,
    wrap: true,
    fill: "#F2F2F2",
    border: true,
    horizontal: "center",
    locked: true,
  },
  label: { wrap: false, locked: true },
  note: { italic: true, fontColor: "#595959", locked: true },
  input: { fill: "#FFFBEA", border: true, locked: false },
  total: { bold: true, fill: "#FFF2CC", border: true, locked: false },
  // a total the template computes: grey-green and italic, unlocked so the user may type over it
  computed: { italic: true, fill: "#E2EFDA", fontColor: "#375623", border: true, locked: false },
  check: { fontColor: "#404040", fontSize: 9, locked: true },
  // the cause's data wraps in its narrow column rather than run across the empty ones after it
  cause: { fontColor: "#404040", fontSize: 9, wrap: true, locked: true },
  summary: { bold: true, horizontal: "right", locked: true },
  // a label that would run into a filled cell wraps, its row made tall enough (layout.ts)
  labelWrap: { wrap: true, locked: true },
  status: { bold: true, horizontal: "center", locked: true },
  reason: { fontColor: "#404040", locked: true },
  verdict: { bold: true, horizontal: "left", wrap: true, locked: true },
};

/** The ranges of each style: its cells joined into column runs. */
export function styleRanges(cells: readonly PlanCell[]): TemplatePlan["styleRanges"] {
  const byStyle = new Map<StyleName, PlanCell[]>();
  for (const cell of cells) {
    const list = byStyle.get(cell.style);
    if (list) list.push(cell);
    else byStyle.set(cell.style, [cell]);
  }
  return [...byStyle].flatMap(([style, list]) =>
    runsOf(list).map((address) => ({ style, address }))
  );
}

const FIGURES: ReadonlySet<ValueKind> = new Set(["shares", "money", "par", "price"]);
/** Figures that may lead with their currency ("HKD 0.02", "US$1.00"). */
const AMOUNTS: ReadonlySet<ValueKind> = new Set(["money", "par", "price"]);

// Excel's validation formulas are kept to 255 characters: spreadsheet libraries that mirror
// Excel's limits (DevExpress's XlDataValidation, Syncfusion's DataValidation) refuse custom
// criteria over 255, and a refused validation would fail the whole insert. So the form's words for
// none are one FIND in a list (no array constants: [MS-OI29500] 3.2.3.1.3), and an amount's
// currency is cut off at its "$" or its space before the figure is read.

/** The form's words for none, between bars, in capitals: "Nil", "N/A", "-", "--", "Not applicable". */
const NONE_WORDS = "|NIL|N/A|-|--|NOT APPLICABLE|";
/** The form's words for a date not given. */
const NO_DATE_WORDS = "|NIL|N/A|-|";

/** Whether the trimmed text is one of `words` (FIND has no wildcards; UPPER drops case). */
const oneOf = (cell: string, words: string): string =>
  `ISNUMBER(FIND("|"&UPPER(TRIM(${cell}))&"|","${words}"))`;

/** A number once a note's "*", thousands separators and brackets are dropped ("(1,234)" reads -1234). */
const numeric = (text: string): string =>
  `ISNUMBER(-SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${text},"*",""),",",""),"(",""),")",""))`;

/** Excel's custom validation for a figure: a number, the form's words for none, or digits as typed. */
const figureFormula = (cell: string): string =>
  `=OR(ISNUMBER(${cell}),${oneOf(cell, NONE_WORDS)},${numeric(cell)})`;

/**
 * An amount: a figure, or a figure after its currency ("HKD 0.02", "US$0.0353"): the text after
 * its "$", else after its first space, else all of it.
 */
const amountFormula = (cell: string): string => {
  const figure = `MID(${cell},IFERROR(FIND("$",${cell}),IFERROR(FIND(" ",${cell}),0))+1,99)`;
  return `=OR(ISNUMBER(${cell}),${oneOf(cell, NONE_WORDS)},${numeric(figure)})`;
};

const dateFormula = (cell: string): string =>
  `=OR(ISNUMBER(${cell}),${oneOf(cell, NO_DATE_WORDS)})`;

/** The form's way of writing a decrease, for the messages. */
const decrease = (layout: Layout): string =>
  layout.form.negatives === "minus" ? "-1,234" : "(1,234)";

/** A list validation per run of cells offering the same choices with the same label. */
function listValidations(lists: Map<string, PlanCell[]>, layout: Layout): PlanValidation[] {
  return [...lists.values()].flatMap((cells) => {
    const field = layout.byId.get(cells[0].field!)!;
    const choices = field.choices ?? [];
    // a tick box says what ticks it: the form's mark, picked from the list (or Space in the preview)
    const text =
      field.kind === "tick"
        ? {
            inputTitle: `Tick box: ${choices.join(" or ")}`,
            inputMessage: `Tick with ${choices.join(" or ")} if ${field.caption} (pick it from the list; in the preview, click the cell or press Space). Leave it blank otherwise.`,
            errorTitle: "Not a tick",
            errorMessage: `A tick box holds ${choices.join(" or ")}, or nothing when not ticked; a word such as "No" is not an untick. Clear the cell instead.`,
          }
        : {
            inputTitle: "Choose from the list",
            inputMessage: `${field.caption}: ${choices.join(" / ")}`,
            errorTitle: "Not one of the form's choices",
            errorMessage:
              "This is not one of the choices the form offers. You can keep it: the checks beside the form say whether it can be read.",
          };
    return runsOf(cells).map((address) => ({
      address,
      kind: "list" as const,
      list: choices,
      ...text,
    }));
  });
}

/** Data validation on inputs: figures, amounts and dates by column run, the form's choices as lists. */
export function validationsOf(cells: readonly PlanCell[], layout: Layout): PlanValidation[] {
  const figures: PlanCell[] = [];
  const amounts: PlanCell[] = [];
  const dates: PlanCell[] = [];
  const lists = new Map<string, PlanCell[]>();
  for (const cell of cells) {
    const field = cell.field ? layout.byId.get(cell.field) : undefined;
    if (!field) continue;
    if (field.choices) {
      const key = `${field.caption}\u0000${field.choices.join("\u0000")}`;
      lists.set(key, [...(lists.get(key) ?? []), cell]);
    } else if (AMOUNTS.has(field.kind)) amounts.push(cell);
    else if (FIGURES.has(field.kind)) figures.push(cell);
    else if (field.kind === "date") dates.push(cell);
  }
  const out: PlanValidation[] = [];
  const byRun = (
    cells: PlanCell[],
    kind: "figure" | "date",
    formula: (top: string) => string,
    text: Omit<PlanValidation, "address" | "kind" | "formula">
  ): void => {
    for (const address of runsOf(cells)) {
      // the formula is written for the run's top cell; Excel moves its reference down the run
      out.push({ address, kind, formula: formula(address.split(":")[0]), ...text });
    }
  };
  const figureText = {
    inputTitle: "A figure",
    inputMessage: `Type the figure as on the form: 1,234 or ${decrease(layout)} for a decrease, Nil, N/A or -.`,
    errorTitle: "Is this a figure?",
    errorMessage:
      "This does not read as a figure. You can keep it: the checks beside the form say whether it can be read.",
  };
  byRun(figures, "figure", figureFormula, figureText);
  byRun(amounts, "figure", amountFormula, {
    ...figureText,
    inputTitle: "An amount",
    inputMessage: `${figureText.inputMessage} An amount may lead with its currency: HKD 0.02.`,
  });
  const example = layout.form.dates?.example ?? "05/12/2011";
  byRun(dates, "date", dateFormula, {
    inputTitle: "A date",
    inputMessage: `Type the date as the form prints it, e.g. ${example}, or as dd/mm/yyyy.`,
    errorTitle: "Is this a date?",
    errorMessage: `This does not read as a date (e.g. ${example}). You can keep it: the checks will say so.`,
  });
  return [...out, ...listValidations(lists, layout)];
}
