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
  const { warning, critical } = thresholds;
  if (!Number.isFinite(totalBytes) || totalBytes <= 0) {
    throw new RangeError(`totalBytes must be a finite number > 0, got ${totalBytes}`);
  }
  if (!Number.isFinite(usedBytes) || usedBytes < 0 || usedBytes > totalBytes) {
    throw new RangeError(`usedBytes must be a finite number from 0 to ${totalBytes}, got ${usedBytes}`);
  }
  // NaN fails every comparison and an infinity fails one of them, so this also refuses non-finite thresholds.
  if (!(0 < warning && warning < critical && critical <= 100)) {
    throw new RangeError(`thresholds must satisfy 0 < warning < critical <= 100, got ${warning} and ${critical}`);
  }
  const percent = (usedBytes / totalBytes) * 100;
  if (percent >= critical) return 'critical';
  if (percent >= warning) return 'warning';
  return 'ok';
}
