import { describe, expect, it } from 'vitest';
import { MIN_DELTA_E, colorForIndex, contrast, deltaE, participantPalette } from './participantColors.ts';

describe('participant colours (docs/SPEC.md LAY4)', () => {
  const forty = Array.from({ length: 40 }, (_, i) => colorForIndex(i));

  it('LAY4: forty participants get forty colours, any two at least ΔE 12 apart', () => {
    expect(new Set(forty).size).toBe(40);
    let closest = Infinity;
    for (let i = 0; i < forty.length; i++) for (let j = i + 1; j < forty.length; j++) closest = Math.min(closest, deltaE(forty[i]!, forty[j]!));
    expect(MIN_DELTA_E).toBe(12);
    expect(closest).toBeGreaterThanOrEqual(MIN_DELTA_E);
  });

  it('LAY4: every colour carries white text, and reads as a caret on white, at WCAG AA (4.5:1)', () => {
    for (const color of participantPalette()) {
      expect(color).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('LAY4: the colours participants already had stay theirs', () => {
    expect(forty.slice(0, 14)).toEqual([
      '#1f5fbf', '#b3261e', '#0b7a3e', '#8e3cb8', '#b35900', '#00707a', '#a3246b', '#5b6b00',
      '#3d4db7', '#8a4b08', '#00695c', '#ad1457', '#37474f', '#6a1b9a',
    ]);
  });

  it('LAY4: the same index gives the same colour on every call, and indices beyond the palette repeat it', () => {
    const size = participantPalette().length;
    expect(colorForIndex(39)).toBe(forty[39]);
    expect(colorForIndex(size + 3)).toBe(colorForIndex(3));
  });

  it('LAY4: the measures agree with known values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(deltaE('#ff0000', '#ff0000')).toBe(0);
    // Pure red and pure blue, CIE76 under D65: 176.3 (the reference tables' value).
    expect(deltaE('#ff0000', '#0000ff')).toBeCloseTo(176.3, 0);
  });
});
