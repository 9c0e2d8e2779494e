/** correct / total × 100, rounded to two decimals; an empty session scores 0. */
export function scorePercent(correct: number, total: number): number {
  return total === 0 ? 0 : Math.round((correct * 10_000) / total) / 100;
}
