export type Level = 'ok' | 'warning' | 'critical';

/** Percentages of the volume's size. */
export interface Thresholds {
  warning: number;
  critical: number;
}

export function diskUsageLevel(
  usedBytes: number,
  totalBytes: number,
  thresholds: Thresholds = { warning: 80, critical: 90 },
): Level {
  throw new Error('Not implemented: diskUsageLevel');
}
