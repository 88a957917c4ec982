import { diskUsageLevel } from './solution';

describe('diskUsageLevel', () => {
  it('is ok below the warning threshold (80% by default)', () => {
    expect(diskUsageLevel(0, 100)).toBe('ok');
    expect(diskUsageLevel(50, 100)).toBe('ok');
    expect(diskUsageLevel(79, 100)).toBe('ok');
    expect(diskUsageLevel(7999, 10000)).toBe('ok');
  });

  it('is a warning from exactly 80% up to just below 90%', () => {
    expect(diskUsageLevel(80, 100)).toBe('warning');
    expect(diskUsageLevel(4, 5)).toBe('warning');
    expect(diskUsageLevel(8001, 10000)).toBe('warning');
    expect(diskUsageLevel(85, 100)).toBe('warning');
    expect(diskUsageLevel(89, 100)).toBe('warning');
    expect(diskUsageLevel(8999, 10000)).toBe('warning');
  });

  it('is critical from exactly 90% up to a full disk', () => {
    expect(diskUsageLevel(90, 100)).toBe('critical');
    expect(diskUsageLevel(9, 10)).toBe('critical');
    expect(diskUsageLevel(9001, 10000)).toBe('critical');
    expect(diskUsageLevel(95, 100)).toBe('critical');
    expect(diskUsageLevel(100, 100)).toBe('critical');
  });

  it('works on real volume sizes and fractional byte counts', () => {
    const total = 512 * 1024 ** 3;
    expect(diskUsageLevel(total / 2, total)).toBe('ok');
    expect(diskUsageLevel(total * 0.8, total)).toBe('warning');
    expect(diskUsageLevel(total, total)).toBe('critical');
    expect(diskUsageLevel(12.5, 25)).toBe('ok');
    expect(diskUsageLevel(20.5, 25)).toBe('warning');
    expect(diskUsageLevel(22.5, 25)).toBe('critical');
    expect(diskUsageLevel(0.5, 1)).toBe('ok');
  });

  it('uses the thresholds it is given, on both sides of each', () => {
    const t = { warning: 50, critical: 75 };
    expect(diskUsageLevel(49, 100, t)).toBe('ok');
    expect(diskUsageLevel(50, 100, t)).toBe('warning');
    expect(diskUsageLevel(74, 100, t)).toBe('warning');
    expect(diskUsageLevel(75, 100, t)).toBe('critical');
    expect(diskUsageLevel(85, 100, t)).toBe('critical');
  });

  it('accepts the widest and fractional thresholds', () => {
    const widest = { warning: 0.5, critical: 100 };
    expect(diskUsageLevel(0, 100, widest)).toBe('ok');
    expect(diskUsageLevel(0.25, 100, widest)).toBe('ok');
    expect(diskUsageLevel(0.5, 100, widest)).toBe('warning');
    expect(diskUsageLevel(99.5, 100, widest)).toBe('warning');
    expect(diskUsageLevel(100, 100, widest)).toBe('critical');
    const halves = { warning: 12.5, critical: 37.5 };
    expect(diskUsageLevel(12, 100, halves)).toBe('ok');
    expect(diskUsageLevel(12.5, 100, halves)).toBe('warning');
    expect(diskUsageLevel(37, 100, halves)).toBe('warning');
    expect(diskUsageLevel(37.5, 100, halves)).toBe('critical');
    expect(diskUsageLevel(1, 100, { warning: 1, critical: 2 })).toBe('warning');
  });

  it('throws a RangeError for a total that is not a finite number above 0', () => {
    for (const total of [0, -0, -1, -100, NaN, Infinity, -Infinity]) {
      expect(() => diskUsageLevel(0, total)).toThrow(RangeError);
    }
    expect(diskUsageLevel(0, 0.5)).toBe('ok');
    expect(diskUsageLevel(0.5, 0.5)).toBe('critical');
  });

  it('throws a RangeError for a used amount that is not a finite number from 0 to the total', () => {
    for (const used of [-1, -0.5, 100.5, 101, 1000, NaN, Infinity, -Infinity]) {
      expect(() => diskUsageLevel(used, 100)).toThrow(RangeError);
    }
    expect(diskUsageLevel(-0, 100)).toBe('ok');
    expect(diskUsageLevel(100, 100)).toBe('critical');
  });

  it('throws a RangeError for thresholds outside 0 < warning < critical <= 100', () => {
    const bad = [
      { warning: 0, critical: 90 },
      { warning: -10, critical: 90 },
      { warning: 90, critical: 90 },
      { warning: 95, critical: 90 },
      { warning: 80, critical: 100.5 },
      { warning: 80, critical: 150 },
      { warning: NaN, critical: 90 },
      { warning: 80, critical: NaN },
      { warning: -Infinity, critical: 90 },
      { warning: 80, critical: Infinity },
    ];
    for (const thresholds of bad) {
      expect(() => diskUsageLevel(50, 100, thresholds)).toThrow(RangeError);
      expect(() => diskUsageLevel(0, 100, thresholds)).toThrow(RangeError);
    }
    expect(diskUsageLevel(50, 100, { warning: 89.5, critical: 90 })).toBe('ok');
    expect(diskUsageLevel(95, 100, { warning: 80, critical: 100 })).toBe('warning');
  });
});
