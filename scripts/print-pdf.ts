// What `npm run test:print` reads from a PDF: the words of each page with their boxes, as
// poppler's pdftotext -bbox gives them, and the lines they make.
import { execFileSync } from "node:child_process";

/** A word of the PDF with its box, in points from the page's top left. */
export interface Word {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly height: number;
}

/** A page's size in points and its words. */
export interface Page {
  readonly width: number;
  readonly height: number;
  readonly words: Word[];
}

/** Runs a command and returns what it prints; throws when it fails. */
export const run = (command: string, args: readonly string[]): string =>
  execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** The pages of a PDF and their words, from pdftotext's bounding boxes (XHTML). */
export function pagesOf(pdf: string): Page[] {
  const html = run("pdftotext", ["-bbox", pdf, "-"]);
  const pages: Page[] = [];
  for (const page of html.split(/<page /).slice(1)) {
    const width = Number(/width="([\d.]+)"/.exec(page)?.[1]);
    const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
    const words: Word[] = [];
    for (const m of page.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g
    )) {
      const text = m[4].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      words.push({ text, x: Number(m[1]), y: Number(m[2]), height: Number(m[3]) - Number(m[2]) });
    }
    pages.push({ width, height, words });
  }
  return pages;
}

/** A page's lines of text, top to bottom (words within 1 pt of a line's top). */
export function linesOf(words: readonly Word[]): string[] {
  const sorted = [...words].sort((p, q) => p.y - q.y || p.x - q.x);
  const lines: Word[][] = [];
  for (const w of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0].y - w.y) < 1) line.push(w);
    else lines.push([w]);
  }
  return lines.map((l) =>
    l
      .sort((p, q) => p.x - q.x)
      .map((w) => w.text)
      .join(" ")
  );
}

/** Text with its runs of white space as one space. */
export const squash = (text: string): string => text.replace(/\s+/g, " ").trim();
/** The first words of a heading: enough to find it, before the place where it may wrap. */
export const opening = (text: string): string => squash(text).split(" ").slice(0, 4).join(" ");
/** The value at fraction `p` of the sorted values (0.5: the median). */
export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
};
