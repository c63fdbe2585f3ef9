/** Message catalogue (English): one sentence per finding code, in the form's own terms. */
export const MESSAGES: Readonly<Record<string, string>> = {
  "sum.mismatch": "{cell}: expected {expected} = {expr}; found {actual}.",
  "equal.mismatch": "{cell}: expected {expected}, as {other}; found {actual}.",
  "equal.previous":
    "{cell}: expected {expected}, as last month's return states it (last month's {other}); found {actual}.",
  "product.mismatch": "{cell}: expected {expected} = {expr}; found {actual}.",
  "product.currency":
    "{cell}: the par value is in {factorCurrency} and the capital in {resultCurrency}, so shares x par value ({expected}) cannot be checked against {actual}.",
  "quotient.mismatch":
    "{cell}: expected about {expected} = {expr} (within 1 share); found {actual}.",
  "bound.exceeded":
    "{cell}: {actual} issued shares {row} exceed the {expected} authorised shares {row} in Section I.",
  "bound.registered":
    "{cell}: registered capital is stated, so registered shares {row} ({expected}) should equal issued shares {row} ({actual}).",
  "empty.filled":
    "{cell}: the par value does not roll forward, so this cell is blank, Nil or N/A; found {actual}.",
  "allOrNone.partial":
    "{cell}: the block is partly stated ({count} cell(s) blank or N/A where the others have figures); state every figure, or N/A throughout if the class is not used.",
  "naAcross.issued":
    "{cell}: Section I states this class ({actual} authorised shares), but Section II has no figure for it; write Nil where none are issued, or N/A in both sections if the class is not used.",
  "naAcross.authorised":
    "{cell}: Section II states {actual} issued shares of this class, but its block in Section I is N/A or blank while other blocks state their authorised shares; state this class's authorised shares.",
  "notApplicable.figure":
    "{cell}: the class is N/A in Section II, yet this total reads {actual}; write N/A, Nil or leave it blank.",
  "value.unreadable": "{cell}: {why}",
  "value.fraction": "{cell}: share counts are whole numbers; found {actual}.",
  "value.negative": "{cell}: a balance cannot be negative; found {actual}.",
  "classSum.unknownClass":
    '{cell}: the class "{actual}" names no class of Sections I and II, so its shares count in no total.',
  "funds.noPrice":
    "{cell}: {actual} options were exercised on this line, but no exercise price is stated.",
  "funds.mismatch":
    "{cell}: expected {expected} = the sum of options exercised x exercise price in {currency}; found {actual}.",
  "funds.missing":
    "{cell}: options exercised in {currency} raised {expected}, but no total funds line states it.",
  "currencyTotal.mismatch":
    "{cell}: expected {expected} = the sum of the blocks' closing authorised capital in that currency; found {actual}.",
  "currencyTotal.blank": "{cell}: blank, while Section I states authorised capital.",
  "sign.increase": "{cell}: {actual} is negative on a line that issues new shares.",
  "sign.decrease":
    "{cell}: {actual} is counted as a decrease on this line (shares repurchased, redeemed or cancelled); write it as a decrease.",
  "sign.treasury.increase":
    "{cell}: {actual} is counted as an increase in treasury shares on this line (shares repurchased into treasury).",
  "sign.treasury.decrease":
    "{cell}: {actual} is counted as a decrease in treasury shares on this line (treasury shares sold, transferred or cancelled); write it as a decrease.",
  "signed.positive":
    "{cell}: shares pending cancellation are stated as a negative number (Note 3); found {actual}.",
  "signed.negative": "{cell}: expected a figure of at least 0; found {actual}.",
  "ticks.tooFew":
    "{cell}: tick one box of the public float sufficiency confirmation, {boxes}: the class is listed on the Exchange.",
  "ticks.tooMany": "{cell}: {ticked} boxes are ticked; tick one only, {boxes}.",
  "ticks.none":
    "{cell}: untick this box: the class is not listed on the Exchange, so it gives no public float confirmation.",
  "required.listed":
    "{cell}: state the applicable public float threshold: the class is listed on the Exchange.",
  "required.ticked":
    "{cell}: say here why: the box that the public float requirement has not been complied with is ticked.",
  "readings.noted":
    "{cell}: holds only if the new shares column is read as reading {reading}; check which reading the Exchange takes.",
  "netZero.unbalanced":
    '{cell}: the lines marked "{mark}" as one conversion between classes net to {actual}; expected 0.',
  "complete.blank": "Fill in {labels}.",
  "suggest.folded":
    "{cell}: expected {expected}, which also makes this check hold ({title}); found {actual}.",
  "date.notMonthEnd": "{cell}: {actual} is not the last day of its month.",
  "date.notAfter": "{cell}: expected a date {expected}; found {actual}.",
  "date.late":
    "{cell}: the return was due {expected} (the {days}th business day after the month end); submitted {actual}.",
  "date.outsideMonth": "{cell}: {actual} falls outside the month ({expected}).",
  "date.afterMonthEnd": "{cell}: {actual} is after the month end; expected a date {expected}.",
};

/** Renders a finding's message from its code and parameters; unknown codes say so. */
export function renderMessage(code: string, params: Readonly<Record<string, string>>): string {
  const template = MESSAGES[code] ?? `{cell}: ${code}.`;
  // a label that ends in a colon ("For the month ended (dd/mm/yyyy) :") leads with it once
  const cell = (params.cell ?? "").replace(/\s*:\s*$/, "");
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name === "cell" ? cell : (params[name] ?? whole)
  );
}
