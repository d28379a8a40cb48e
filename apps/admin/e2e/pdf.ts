import { expect } from 'vitest';

/** A page size in PDF points (1/72 inch). */
export type Paper = { width: number; height: number };

const MM = 72 / 25.4;

export const A4: Paper = { width: 595.28, height: 841.89 };
export const A3: Paper = { width: 841.89, height: 1190.55 };
/** The ID-1 card size (85.6 × 54 mm) bank and ID cards are, and so the member card. */
export const ID1_CARD: Paper = { width: 85.6 * MM, height: 54 * MM };

/** The pages of a PDF Chromium wrote, each with its size. */
export function pdfPages(pdf: Buffer): Paper[] {
  const text = pdf.toString('latin1');
  expect(text.startsWith('%PDF-')).toBe(true);
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
  const pages = (text.match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
  expect(boxes.length).toBeGreaterThanOrEqual(pages);
  return boxes.slice(0, pages).map(([, width, height]) => ({
    width: Number(width),
    height: Number(height),
  }));
}

/** A page of the paper's size, give or take under 3 points (a millimetre). */
export function expectPaper(page: Paper | undefined, paper: Paper) {
  expect(page).toBeDefined();
  expect(Math.abs((page?.width ?? 0) - paper.width)).toBeLessThan(3);
  expect(Math.abs((page?.height ?? 0) - paper.height)).toBeLessThan(3);
}
