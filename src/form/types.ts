/** Types of the return as data: a form version is labels, field templates and units; a shape sets the counts. */

/** How a cell's text is read: figures, dates, money lists, or free text. */
export type ValueKind =
  | "shares"
  | "money"
  | "par"
  | "price"
  | "date"
  | "moneyList"
  | "currency"
  | "class"
  | "text"
  | "tick"
  | "remark";

/** What kind of shares a class is; the form treats preference and other classes more leniently (T2). */
export type ClassKind = "ordinary" | "preference" | "other";

/** One class of shares on the form: a fixed slot of the 2011 form, or a numbered block of FF301. */
export interface ClassDef {
  readonly id: string;
  readonly kind: ClassKind;
  /** How the form names the class in headings and totals, e.g. "(1)" or "(Preference shares)". */
  readonly label: string;
  /** The form's noun for its shares, e.g. "ordinary shares" in "No. of ordinary shares". */
  readonly noun: string;
  /** Words that name this class in a line's "Class of shares issuable" cell. */
  readonly words: readonly string[];
}

/** A field template: `{c}`, `{i}`, `{row}` and `{col}` in the key are filled in by the layout. */
export interface FieldTemplate {
  readonly key: string;
  readonly label: string;
  readonly kind: ValueKind;
  /** A figure that a balance cannot take negative (value.whole). */
  readonly balance?: boolean;
  /** Expand over the rows and the authorised or issued columns of the version. */
  readonly grid?: "auth" | "issued";
  /** Only on E lines with an "At price" cell, or only on the repeatable "Other" line. */
  readonly when?: "hasPrice" | "repeatable";
  /**
   * The figure counts by its column's type whatever sign is printed ("Exercised -3,000,000",
   * treasury shares transferred out): rules read its magnitude.
   */
  readonly magnitude?: boolean;
  /** The values the form offers for the cell ("Yes", "No"), as a list to pick from. */
  readonly choices?: readonly string[];
  /** A statement about this month only: it does not roll forward to next month's return. */
  readonly monthly?: boolean;
  /**
   * A filed return cannot leave it blank: always (header, signature), or where its line or class
   * block is in use. On a grid it binds the balance rows; a movement left blank reads as zero.
   */
  readonly required?: Requirement;
  /** False where the label or the cell was inferred, not seen on a filed form (form-spec [M]). */
  readonly verified?: boolean;
}

/** When a filed return must state a cell: always, or where its line or class block is in use. */
export type Requirement = "always" | "inUse";

/** The counts of a return's variable parts, chosen by the user. */
export interface Shape {
  /** Number of share classes (FF301 blocks); the 2011 form has four fixed slots and ignores it. */
  readonly classes?: number;
  readonly options: number;
  readonly fundsLines: number;
  readonly warrants: number;
  readonly convertibles: number;
  readonly arrangements: number;
  readonly otherMovements: number;
  /**
   * Lines of each typed (E) line, by type key ("repurchase": 2): FF301 prints part (E) within each
   * class, so a type that moves two classes takes two lines. A type left out has one line.
   */
  readonly eLines?: Readonly<Record<string, number>>;
}

/** A repeated unit of the form (a class block, an option line, an E line) and its fields. */
export interface UnitDef {
  readonly id: UnitId;
  readonly section: string;
  readonly heading: string;
  readonly fields: readonly FieldTemplate[];
}

/** The units a form version can repeat; the rules iterate over the same names. */
export type UnitId =
  | "header"
  | "authClass"
  | "authTotal"
  | "issuedClass"
  | "option"
  | "optionTotals"
  | "funds"
  | "warrant"
  | "warrantTotals"
  | "convertible"
  | "convertibleTotals"
  | "arrangement"
  | "arrangementTotals"
  | "eLine"
  | "eTotals"
  | "totals"
  | "hdrInfo"
  | "confirmations"
  | "signature";

/** How a line of part (E) moves the issued shares (trap T7). */
export type Direction = "increase" | "decrease" | "either";

/** One of the fixed "Type of Issue" lines of part (E), or the repeatable "Other" line. */
export interface ELineType {
  readonly key: string;
  readonly number: number;
  readonly label: string;
  readonly direction: Direction;
  readonly hasPrice: boolean;
  readonly classLabel: string;
  readonly dateLabel: string;
  /**
   * Repeated `otherMovements` times ("Other (Please specify)"), keyed other1, other2, ...; a
   * typed line repeats by `Shape.eLines`, keyed repurchase, repurchase2, ...
   */
  readonly repeatable?: boolean;
  /** A capital reorganisation excuses restated option counts (T10). */
  readonly reorganisation?: boolean;
  /** How the line moves the treasury shares (its X2 figure), where the form has treasury columns. */
  readonly treasury?: Direction;
  /** False where the line type was inferred, not seen on a filed form (form-spec [M]). */
  readonly verified?: boolean;
}

/** A form version: its labels and units as data, keyed by a version id. */
export interface FormVersion {
  readonly id: string;
  /** How a person picks the version from a list: the form and when it was in use. */
  readonly name: string;
  readonly title: string;
  readonly footer: string;
  readonly verified: boolean;
  readonly classMode: "slots" | "blocks";
  /** How the form prints a decrease: "(1,000)" on the 2011 form, "-1,000" on FF301. */
  readonly negatives?: "brackets" | "minus";
  /** How the form prints a date, as an Excel number format with an example ("30 June 2026"). */
  readonly dates?: { readonly format: string; readonly example: string };
  /** Fixed slots (2011 form) or the template each numbered block takes (FF301). */
  readonly classes: readonly ClassDef[];
  readonly rows: Readonly<Record<"preceding" | "movement" | "close", string>>;
  readonly authColumns: readonly FieldTemplate[];
  readonly issuedColumns: readonly FieldTemplate[];
  readonly units: readonly UnitDef[];
  readonly eLines: readonly ELineType[];
  /** Fields whose text names a class, matched against a line's "Class of shares issuable". */
  readonly classNames: readonly string[];
  readonly headings: Readonly<Record<string, string>>;
  readonly notes: readonly string[];
}

/** A field of one return: a cell of the form with its id, label and value kind. */
export interface Field {
  readonly id: string;
  readonly index: number;
  readonly unit: UnitId;
  /** The block or line it belongs to; its remark field is `${group}.remark`. */
  readonly group: string;
  /** The label with its block's heading, for messages: "II (1): Balance at close of the month". */
  readonly label: string;
  /** The field's own label as the form prints it beside the cell. */
  readonly caption: string;
  readonly kind: ValueKind;
  readonly balance: boolean;
  /** Rules read the figure's magnitude (FieldTemplate.magnitude). */
  readonly magnitude: boolean;
  /** The values the form offers for the cell, where it offers a list. */
  readonly choices?: readonly string[];
  /** A statement about this month only (FieldTemplate.monthly). */
  readonly monthly?: boolean;
  /** When a filed return must state it (FieldTemplate.required); never for a movement. */
  readonly required?: Requirement;
  /** The column of its block's grid (Sections I and II), for a grid cell. */
  readonly column?: string;
  /** The class this field belongs to, where it belongs to one. */
  readonly classId?: string;
}
