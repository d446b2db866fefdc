/**
 * Runtime shapes of the models this app keeps in the browser (the trial, the dataset): each top-level
 * field with its JSON kind, '?' when it may be absent. A shape is checked against its TypeScript type by
 * `ShapeOf<T>` (a field added, removed, or made optional without updating the shape fails to compile), so
 * data read back from storage can be checked against the model as it is now, and the cache version can be
 * derived from the shapes.
 */
import { obj } from './safe-read.ts';

type Kind = 'string' | 'number' | 'boolean' | 'strings' | 'array' | 'object';

type KindOf<T> = [T] extends [string]
  ? 'string'
  : [T] extends [number]
    ? 'number'
    : [T] extends [boolean]
      ? 'boolean'
      : [T] extends [readonly string[]]
        ? 'strings'
        : [T] extends [readonly unknown[]]
          ? 'array'
          : 'object';

/** The shape of `T`: every field, its kind, and '?' exactly when the field is optional. */
export type ShapeOf<T> = {
  readonly [K in keyof T]-?: undefined extends T[K]
    ? `${KindOf<Exclude<T[K], undefined>>}?`
    : KindOf<T[K]>;
};

function isKind(value: unknown, kind: Kind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'strings':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'array':
      return Array.isArray(value);
    case 'object':
      return obj(value) !== undefined;
  }
}

type FieldCheck = { field: string; kind: Kind; optional: boolean };

/** Each shape's fields, read once (a shape is checked against thousands of records). */
const compiled = new WeakMap<object, readonly FieldCheck[]>();

function fieldChecks(shape: Readonly<Record<string, string>>): readonly FieldCheck[] {
  let checks = compiled.get(shape);
  if (checks === undefined) {
    checks = Object.entries(shape).map(([field, spec]) => {
      const optional = spec.endsWith('?');
      return { field, kind: (optional ? spec.slice(0, -1) : spec) as Kind, optional };
    });
    compiled.set(shape, checks);
  }
  return checks;
}

/** Whether `value` is an object with every required field of `shape`, each field of its kind. */
export function matchesShape(value: unknown, shape: Readonly<Record<string, string>>): boolean {
  const record = obj(value);
  if (record === undefined) return false;
  for (const { field, kind, optional } of fieldChecks(shape)) {
    const item = Object.hasOwn(record, field) ? record[field] : undefined;
    if (item === undefined ? !optional : !isKind(item, kind)) return false;
  }
  return true;
}
