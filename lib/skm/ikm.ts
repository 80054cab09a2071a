/**
 * The community satisfaction index (IKM) of the national guideline (PermenPANRB No. 14/2017):
 * nine service elements, each answered 1–4; the index is the mean of the nine element means × 25.
 */

export const SKM_ELEMENTS = [
  'persyaratan',
  'prosedur',
  'waktu',
  'biaya',
  'produk',
  'kompetensi',
  'perilaku',
  'pengaduan',
  'sarana',
] as const;
export type SkmElement = (typeof SKM_ELEMENTS)[number];

export type Grade = 'A' | 'B' | 'C' | 'D';

/** The guideline's grades by index (two decimals): A 88.31–100, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99. */
export function gradeOf(ikm: number): Grade {
  const v = Math.round(ikm * 100) / 100;
  if (v >= 88.31) return 'A';
  if (v >= 76.61) return 'B';
  if (v >= 65) return 'C';
  return 'D';
}

export interface IkmResult {
  respondents: number;
  /** Mean of each element (1–4), in SKM_ELEMENTS order. */
  elementMeans: number[];
  /** 25–100, two decimals; null without respondents. */
  ikm: number | null;
  grade: Grade | null;
}

/** IKM of a set of responses (each nine answers 1–4). Pure. */
export function computeIkm(responses: readonly (readonly number[])[]): IkmResult {
  const n = responses.length;
  if (n === 0) return { respondents: 0, elementMeans: SKM_ELEMENTS.map(() => 0), ikm: null, grade: null };
  const elementMeans = SKM_ELEMENTS.map((_, i) => responses.reduce((sum, r) => sum + r[i], 0) / n);
  const ikm = Math.round((elementMeans.reduce((a, b) => a + b, 0) / SKM_ELEMENTS.length) * 25 * 100) / 100;
  return { respondents: n, elementMeans, ikm, grade: gradeOf(ikm) };
}

/** Whether nine answers are each a whole number from 1 to 4. */
export function validAnswers(answers: readonly number[]): boolean {
  return answers.length === SKM_ELEMENTS.length && answers.every((a) => Number.isInteger(a) && a >= 1 && a <= 4);
}
