// Help texts list the API's values from core's generated lists, never a hand-typed copy.

/** `a, b (note) or c`: each value with this command's note, if any. */
export function choices(values: readonly string[], notes: Record<string, string> = {}): string {
  const shown = values.map((value) => (notes[value] ? `${value} ${notes[value]}` : value));
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}` : shown.join('');
}

/** `a, b (note), c`: a list flag's values. */
export const listChoices = (values: readonly string[], notes: Record<string, string> = {}): string =>
  values.map((value) => (notes[value] ? `${value} ${notes[value]}` : value)).join(', ');
