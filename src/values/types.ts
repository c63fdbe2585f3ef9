/**
 * What a cell holds once read: the one result type of the values parser, shared by rules, plan,
 * functions and hosts. Every variant except "blank" keeps the original input as `text`.
 */
import type { Currency } from "./currency";
import type { Dec } from "./decimal";

/** What a cell is expected to hold, which decides how its text is read. */
export type Expect = "number" | "date" | "text" | "moneyList";

/** One amount of a money list, with its own currency when written. */
export type MoneyItem = { value: Dec; currency: Currency | null };

/** A cell as read: a figure, Nil, N/A, blank, a date, text, a list of amounts, or a problem. */
export type Parsed =
  | {
      tag: "number";
      value: Dec;
      currency: Currency | null;
      /** A "*" marker or a note beside the figure: it points at a remark (excuses its rules). */
      marked: boolean;
      /** The bracketed note printed beside the figure ("(Remarks)", "(Note 2)"), when there is one. */
      note?: string;
      text: string;
    }
  | {
      tag: "nil";
      marked: boolean;
      note?: string;
      /** The currency printed alone where nothing moved ("HKD"): zero in that currency. */
      currency?: Currency;
      text: string;
    }
  | { tag: "na"; text: string }
  | { tag: "blank" }
  | { tag: "date"; year: number; month: number; day: number; text: string }
  | { tag: "text"; text: string }
  | {
      tag: "moneyList";
      items: MoneyItem[];
      /** Set where a "*" or a note beside the amounts points at a remark, as for a figure. */
      marked?: boolean;
      text: string;
    }
  | { tag: "problem"; text: string; message: string };

/** The tags of Parsed, for exhaustive switches and tables. */
export type ParsedTag = Parsed["tag"];
