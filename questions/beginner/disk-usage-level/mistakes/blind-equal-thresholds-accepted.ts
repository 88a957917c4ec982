// Title: Accepts warning equal to critical (<= instead of <)
// Breaks: "`0 < warning < critical <= 100`"
export type Level = 'ok' | 'warning' | 'critical';
export interface Thresholds { warning: number; critical: number }
export function diskUsageLevel(usedBytes: number, totalBytes: number, thresholds: Thresholds = { warning: 80, critical: 90 }): Level {
  if (!Number.isFinite(totalBytes) || totalBytes <= 0) throw new RangeError(`totalBytes must be > 0, got ${totalBytes}`);
  if (!Number.isFinite(usedBytes) || usedBytes < 0 || usedBytes > totalBytes) throw new RangeError(`bad usedBytes ${usedBytes}`);
  const { warning, critical } = thresholds;
  if (!Number.isFinite(warning) || !Number.isFinite(critical) || !(0 < warning && warning <= critical && critical <= 100)) throw new RangeError('bad thresholds');
  const pct = (usedBytes / totalBytes) * 100;
  if (pct >= critical) return 'critical';
  if (pct >= warning) return 'warning';
  return 'ok';
}
