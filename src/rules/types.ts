import type { ClassKind, Domain } from "../form";

/**
 * How a finding counts: an error marks cells and fails the check; a warning is a note; "to-fill"
 * names cells a filed return cannot leave blank (not an error, and not OK either).
 */
export type Severity = "error" | "warning" | "to-fill";

/**
 * A rule's severity as form-spec.md gives it: E, W, or E/W (an error unless downgraded); F for
 * completeness (cells to fill).
 */
export type SeverityCode = "E" | "W" | "EW" | "F";

/**
 * A field template: `{c}` class, `{i}` line, `{row}` and `{col}` are bound by the rule's `each`;
 * a leading "prev:" reads last month's return.
 */
export type Ref = string;

/** When an E/W rule gives a warning instead of an error. */
export type Downgrade =
  | { readonly when: "excused" }
  | { readonly when: "classKind"; readonly not: ClassKind }
  /** The class's name (a cell of its block, FF301) contains one of the words ("preference"). */
  | { readonly when: "classNamed"; readonly field: Ref; readonly words: readonly string[] }
  | { readonly when: "currenciesDiffer" }
  | { readonly when: "filled"; readonly field: Ref };

/** Comparison of two figures: share counts exactly, money to the cent, prices exactly. */
export type Tolerance = "exact" | "cent";

interface RuleBase {
  readonly id: string;
  readonly severity: SeverityCode;
  /** What the rule checks, in the form's terms, for messages and check cells. */
  readonly title: string;
  /** The domains to iterate: one instance per combination of their keys. */
  readonly each?: readonly Domain[];
  readonly downgrade?: readonly Downgrade[];
  /** The rule's verdict on the form data: false while a detail is inferred, not seen (form-spec [M]). */
  readonly verified?: boolean;
}

/** total = Σ weight × part (roll-forwards, totals, cross-month counts). */
export interface SumRule extends RuleBase {
  readonly kind: "sum";
  readonly total: Ref;
  readonly parts: readonly (readonly [Ref, 1 | -1])[];
  readonly tolerance: Tolerance;
}

/** a = b (exercised = issued; Total of A to E = II; this month's opening = last month's close). */
export interface EqualRule extends RuleBase {
  readonly kind: "equal";
  readonly a: Ref;
  readonly b: Ref;
  readonly tolerance: Tolerance;
}

/** result = factor × factor, in one currency, to the cent (shares × par = capital). */
export interface ProductRule extends RuleBase {
  readonly kind: "product";
  readonly result: Ref;
  /** The cells that state the currencies, where the form has them apart from the figures. */
  readonly resultCurrency?: Ref;
  readonly factors: readonly [Ref, Ref];
  readonly factorCurrency?: Ref;
}

/** shares = amount / price within one share, when price and amount are in one currency (T9). */
export interface QuotientRule extends RuleBase {
  readonly kind: "quotient";
  readonly shares: Ref;
  /** Shares delivered besides `shares` (treasury shares transferred out), counted by magnitude. */
  readonly plus?: Ref;
  readonly amount: Ref;
  readonly price: Ref;
  readonly currency: Ref;
}

/** lesser <= greater, or lesser = greater where the flag field reads "Yes". */
export interface BoundRule extends RuleBase {
  readonly kind: "bound";
  readonly lesser: Ref;
  readonly greater: Ref;
  readonly equalWhenYes: Ref;
}

/** The cell holds no figure: blank, Nil, "-" or N/A. */
export interface EmptyRule extends RuleBase {
  readonly kind: "empty";
  readonly cell: Ref;
}

/** The cells are all N/A or blank, or all stated. */
export interface AllOrNoneRule extends RuleBase {
  readonly kind: "allOrNone";
  readonly cells: readonly Ref[];
}

/** Where every `when` cell is N/A or blank, every `then` cell is N/A, Nil or blank. */
export interface NotApplicableRule extends RuleBase {
  readonly kind: "notApplicable";
  readonly when: readonly Ref[];
  readonly then: readonly Ref[];
}

/**
 * A class stated in Section I (its `authorised` cells) is stated in Section II (`issued`), and the
 * reverse where Section I states any block (`anyAuthorised` over `blocks`; all N/A is T4).
 */
export interface NaAcrossRule extends RuleBase {
  readonly kind: "naAcross";
  readonly authorised: readonly Ref[];
  readonly issued: readonly Ref[];
  readonly blocks: Domain;
  readonly anyAuthorised: Ref;
}

/** A part's total for class {c} = Σ of its lines' figures whose class cell names {c}. */
export interface ClassSumRule extends RuleBase {
  readonly kind: "classSum";
  readonly total: Ref;
  readonly lines: Domain;
  readonly value: Ref;
  readonly lineClass: Ref;
  /**
   * How a line's figure counts: as written; by its line type's direction for the issued shares
   * ("line": lines that reduce them count as decreases whatever the sign, T7) or for the treasury
   * shares ("treasury"); or always as a decrease ((A2) to (D2), treasury shares transferred out).
   */
  readonly direction: "asWritten" | "line" | "treasury" | "decrease";
}

/** Per currency: the funds figure = Σ exercised × price of that currency's lines. */
export interface FundsRule extends RuleBase {
  readonly kind: "funds";
  readonly lines: Domain;
  readonly count: Ref;
  readonly price: Ref;
  readonly fundsLines: Domain;
  readonly amount: Ref;
  readonly amountCurrency: Ref;
}

/** Per currency: the stated total = Σ of the blocks' amounts in that currency (T3). */
export interface CurrencyTotalRule extends RuleBase {
  readonly kind: "currencyTotal";
  readonly total: Ref;
  readonly blocks: Domain;
  readonly amount: Ref;
  /** The cell stating each block's currency, where the form has one apart from the figure. */
  readonly amountCurrency?: Ref;
  /**
   * Where neither the amount nor its heading names a currency: the cells of the same row that may
   * (a par value "HKD 0.10", then its heading), tried in order.
   */
  readonly rowCurrency?: readonly Ref[];
}

/** Figures whose sign goes against their line's direction (increase lines negative, and so on). */
export interface SignRule extends RuleBase {
  readonly kind: "sign";
  readonly lines: Domain;
  readonly cell: Ref;
  /** Which of the line type's directions the figure follows: issued shares (default) or treasury. */
  readonly by?: "line" | "treasury";
}

/** The figure's sign: at most zero (-1) or at least zero (1); Nil and blank hold. */
export interface SignedRule extends RuleBase {
  readonly kind: "signed";
  readonly cell: Ref;
  readonly sign: -1 | 1;
}

/** What a condition asks of a cell: reads "Yes", does not read "Yes", or is ticked. */
export interface Condition {
  readonly field: Ref;
  readonly is: "yes" | "notYes" | "ticked";
}

/** Where the condition holds, between `min` and `max` of the boxes are ticked. */
export interface TicksRule extends RuleBase {
  readonly kind: "ticks";
  readonly boxes: readonly Ref[];
  readonly when?: Condition;
  readonly min?: number;
  readonly max?: number;
}

/** Where the condition holds, the cell is filled (not blank). */
export interface RequiredRule extends RuleBase {
  readonly kind: "required";
  readonly cell: Ref;
  readonly when: Condition;
}

/** How a reading of an ambiguous column is taken: as correct, or as a note (a warning). */
export type Acceptance = "accepted" | "warning";

/**
 * One check under several readings of the form (FF301's X1 column: change in total issued shares,
 * H, or in issued shares excluding treasury, L). It holds where an accepted reading holds; where
 * only a "warning" reading holds it is a note; where none does, the first accepted reading's
 * findings stand. Which readings are accepted is data.
 */
export interface ReadingsRule extends RuleBase {
  readonly kind: "readings";
  readonly readings: readonly {
    readonly reading: string;
    readonly accept: Acceptance;
    readonly rule: Exclude<Rule, ReadingsRule>;
  }[];
}

/** Lines carrying the same mark net to zero (a conversion between classes, T8). */
export interface NetZeroRule extends RuleBase {
  readonly kind: "netZero";
  readonly lines: Domain;
  readonly mark: Ref;
  readonly value: Ref;
}

/** Every figure and date of a block or line reads; share counts are whole; balances not negative. */
export interface CellsRule extends RuleBase {
  readonly kind: "readable" | "whole";
}

/**
 * A group (header, class block, line, signature) states every cell the form requires of it
 * (Field.required): "always" cells always, "inUse" cells where the line or class block is in use.
 */
export interface CompleteRule extends RuleBase {
  readonly kind: "complete";
}

/** The date is the last calendar day of its month. */
export interface MonthEndRule extends RuleBase {
  readonly kind: "monthEnd";
  readonly cell: Ref;
}

/** later > earlier. */
export interface AfterRule extends RuleBase {
  readonly kind: "after";
  readonly later: Ref;
  readonly earlier: Ref;
}

/** submitted is on or before the n-th Hong Kong business day after the month end. */
export interface DeadlineRule extends RuleBase {
  readonly kind: "deadline";
  readonly submitted: Ref;
  readonly monthEnd: Ref;
  readonly businessDays: number;
}

/** Event dates fall inside the month; approval dates on or before its end. */
export interface EventDatesRule extends RuleBase {
  readonly kind: "eventDates";
  readonly monthEnd: Ref;
  readonly inMonth: readonly Ref[];
  readonly byMonthEnd: readonly Ref[];
}

/** A consistency rule as data: one generic evaluator switches on `kind`. */
export type Rule =
  | SumRule
  | EqualRule
  | ProductRule
  | QuotientRule
  | BoundRule
  | EmptyRule
  | AllOrNoneRule
  | NotApplicableRule
  | NaAcrossRule
  | ClassSumRule
  | FundsRule
  | CurrencyTotalRule
  | SignRule
  | NetZeroRule
  | SignedRule
  | TicksRule
  | RequiredRule
  | ReadingsRule
  | CellsRule
  | CompleteRule
  | MonthEndRule
  | AfterRule
  | DeadlineRule
  | EventDatesRule;

export type RuleKind = Rule["kind"];

/** A rule's finding: data, never thrown; its message is rendered from `code`. */
export interface Finding {
  readonly ruleId: string;
  readonly code: string;
  readonly severity: Severity;
  /** Every cell of the instance (field ids), the offending ones first. */
  readonly cells: readonly string[];
  readonly expected: string | null;
  readonly actual: string | null;
  readonly message: string;
  /** The instance's key, e.g. "issued.rollforward[ord1,shares]": one check cell each. */
  readonly instance: string;
}
