import type { Shape } from "../form";

/** An A1 reference on the plan's own sheet: "B7", "B7:D7", or areas joined by commas "B7,C9". */
export type Address = string;

/** The styles the template uses; hosts map each to their own formatting. */
export type StyleName =
  | "title"
  | "section"
  | "part"
  | "heading"
  | "label"
  | "note"
  | "input"
  | "total"
  | "computed"
  | "check"
  | "summary"
  | "labelWrap"
  | "status"
  | "reason"
  | "verdict"
  | "cause";

/** How a style looks: plain data every host can apply. */
export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fontSize?: number;
  readonly fontColor?: string;
  readonly fill?: string;
  readonly wrap?: boolean;
  readonly horizontal?: "left" | "center" | "right";
  readonly border?: boolean;
  /** Whether the cell is locked when the user protects the sheet (inputs are not). */
  readonly locked: boolean;
}

/** What a cell of the template is for. */
export type CellRole = "heading" | "label" | "input" | "check" | "summary";

/** One non-empty cell: its text or formula, its role and, for inputs, its field. */
export interface PlanCell {
  readonly address: Address;
  readonly row: number;
  readonly col: number;
  readonly role: CellRole;
  /** A constant (label text, or an input's initial value such as "N/A"), or a formula "=...". */
  readonly content: string;
  readonly style: StyleName;
  readonly numberFormat?: string;
  /** The return field an input cell holds. */
  readonly field?: string;
  /** The rule instance a check cell evaluates. */
  readonly check?: string;
}

/** A worksheet-scoped defined name: one per input field and line range, and the summary's. */
export interface PlanName {
  readonly name: string;
  readonly address: Address;
  readonly field?: string;
  readonly check?: string;
}

/** Data validation on input cells: a message on entry, and a warning (not a stop) on odd text. */
export interface PlanValidation {
  readonly address: Address;
  readonly kind: "figure" | "date" | "list";
  /** A custom formula written for the top-left cell of the address (relative references). */
  readonly formula?: string;
  readonly list?: readonly string[];
  readonly inputTitle: string;
  readonly inputMessage: string;
  readonly errorTitle: string;
  readonly errorMessage: string;
}

/** A conditional format: fill each cell of the ranges while the formula (native functions) is true. */
export interface PlanConditionalFormat {
  /** The ranges; the first holds the top row, so it is the anchor of the formula's references. */
  readonly address: Address;
  /** Written for the top-left cell of the first range: its relative references move with each cell. */
  readonly formula: string;
  /** A check's state it marks, or "likely": the cell the cause names as the likely wrong figure. */
  readonly severity: "error" | "warning" | "to-fill" | "likely";
  readonly fill: string;
  readonly fontColor: string;
  /**
   * The checks whose cells the format marks, each with its cells here (on one row); `fills` on a
   * completeness check, whose marks read "To fill" where another's read a warning. None for the
   * likely cause's format, which reads the cause cell.
   */
  readonly checks: readonly {
    readonly key: string;
    readonly address: Address;
    readonly fills?: true;
  }[];
}

/** Print setup: A4, one page wide, the form's header repeated on each page. */
export interface PrintSetup {
  readonly paper: "A4";
  /** The one of the two that prints the form's columns larger. */
  readonly orientation: "portrait" | "landscape";
  readonly fitToPagesWide: 1;
  /** The form's header rows, repeated at the top of each page: "$1:$5". */
  readonly titleRows: string;
  /** The form's own columns, absolute ("$A$1:$M$114"); the check columns right of it stay out. */
  readonly area: Address;
  /** Page margins in points. */
  readonly margins: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
    readonly header: number;
    readonly footer: number;
  };
  /** Rows that start a new page (a manual break above each), in order. */
  readonly rowBreaks: readonly number[];
  /** The scale fitting to one page wide gives, in percent (what the host computes itself). */
  readonly scale: number;
  /** The page footer in Excel's header/footer codes ("Page &P of &N"). */
  readonly footer: string;
}

/** One check cell: where it is, which instance it evaluates and which input cells it marks. */
export interface PlanCheck {
  readonly key: string;
  readonly ruleId: string;
  readonly address: Address;
  /** A name a host may give the check cell to find it after rows move; not among `names`. */
  readonly name: string;
  /** Field ids of the input cells the check's conditional formats mark. */
  readonly fields: readonly string[];
}

/** The header of the return the user chose in the task pane. */
export interface PlanHeader {
  /** "For the month ended", as typed or ISO (the sheet gets dd/mm/yyyy). */
  readonly monthEnded?: string;
  readonly issuer?: string;
  readonly submitted?: string;
  /** Class ids in use; the others are written "N/A" in Section II (and Section I). */
  readonly classesInUse?: readonly string[];
  /** Stock code and description per class id. */
  readonly classInfo?: Readonly<Record<string, { stockCode?: string; description?: string }>>;
  /** The sheet of last month's return, for the cross-month checks. */
  readonly previousSheet?: string;
  /** Initial contents of input fields (roll forward carries closing figures this way). */
  readonly values?: Readonly<Record<string, string>>;
}

/** The whole worksheet as data: every host applies it the same way. */
export interface TemplatePlan {
  readonly formId: string;
  readonly shape: Shape;
  readonly sheetName: string;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Every cell's content, row by row (empty string for an empty cell), for one 2-D write. */
  readonly grid: readonly (readonly string[])[];
  readonly cells: readonly PlanCell[];
  readonly merges: readonly Address[];
  /** Column widths in characters of the default font. */
  readonly columnWidths: readonly number[];
  /** Rows taller than the default (15 pt), in points: wrapped labels and headings. */
  readonly rowHeights: readonly { readonly row: number; readonly points: number }[];
  /** Panes frozen: the top `rows` rows and the left `columns` columns stay in view. */
  readonly freeze: { readonly rows: number; readonly columns: number };
  /** The columns of the form part of the sheet (1..formColumns); status, reason and checks follow. */
  readonly formColumns: number;
  readonly styles: Readonly<Record<StyleName, CellStyle>>;
  /** The ranges each style applies to (rectangles, merged where cells are adjacent). */
  readonly styleRanges: readonly { readonly style: StyleName; readonly address: Address }[];
  readonly numberFormats: readonly { readonly format: string; readonly address: Address }[];
  readonly names: readonly PlanName[];
  readonly validations: readonly PlanValidation[];
  readonly conditionalFormats: readonly PlanConditionalFormat[];
  readonly checks: readonly PlanCheck[];
  /** The cell that reads "Ready to file" or what is left (HKMR.SUMMARY), failing closed. */
  readonly summary: Address;
  /**
   * A worksheet-scoped name holding a constant that marks the sheet as a return:
   * hosts write it as the name's formula `="<form>|<shape code>|<month end ISO>"`.
   */
  readonly meta: { readonly name: string; readonly value: string };
  readonly print: PrintSetup;
}
