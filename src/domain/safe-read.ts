/**
 * Total readers for untrusted JSON: each returns a value of the wanted type or `undefined`, and never
 * throws (getters, proxies and prototype tricks are not expected from JSON.parse, but any throw while
 * reading is still caught).
 */

export type JsonObject = { readonly [key: string]: unknown };

export function obj(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/**
 * Property of an object, or undefined. Only fixed, known key names are read (never `__proto__` or
 * Object.prototype names), so a plain lookup is safe; a throwing getter is caught by normalizeStudy.
 */
export function get(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)[key]
    : undefined;
}

/** Nested property along a path. */
export function path(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    current = get(current, key);
    if (current === undefined) return undefined;
  }
  return current;
}

/** A non-empty trimmed string (numbers are not converted). */
export function str(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** Non-empty trimmed strings of an array; other items are skipped. */
export function strings(value: unknown): string[] {
  const out: string[] = [];
  for (const item of arr(value)) {
    const s = str(item);
    if (s !== undefined) out.push(s);
  }
  return out;
}

export function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Copies the defined values of `source` onto `target` (keeps optional keys absent, not undefined). */
export function assignDefined<T extends object>(
  target: T,
  source: { [K in keyof T]?: T[K] | undefined },
): T {
  for (const key of Object.keys(source) as (keyof T)[]) {
    const v = source[key];
    if (v !== undefined) target[key] = v;
  }
  return target;
}
