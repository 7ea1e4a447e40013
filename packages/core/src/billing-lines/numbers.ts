// Decimal rounding and number text for billing lines.

/**
 * `value` to `digits` decimals, half up (away from zero for negatives, so a drop rounds like its rise), as a
 * person reading the decimal number would: 1.005 -> 1.01, although 1.005 is stored a hair below. Never -0.
 */
export function roundHalfUp(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** digits;
  // 15 significant digits drop the binary noise of the multiplication, and no more.
  const scaled = Number((Math.abs(value) * scale).toPrecision(15));
  const rounded = (Math.sign(value) * Math.floor(scaled + 0.5)) / scale;
  return rounded === 0 ? 0 : rounded;
}

/** A number in plain decimal notation with a dot, never an exponent (1e21 bytes, 1e-7 GB). */
export function decimalText(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  if (Math.abs(value) >= 1) return BigInt(Math.round(value)).toString();
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

/** A number with exactly `digits` decimals (quantities and amounts: `12.30`). */
export function fixedText(value: number, digits = 2): string {
  if (Math.abs(value) >= 1e21) return decimalText(value);
  const text = value.toFixed(digits);
  return text === `-${(0).toFixed(digits)}` ? text.slice(1) : text;
}
