// Checked element access for code that knows an index is in range (noUncheckedIndexedAccess is on):
// an out-of-range index is a bug, so it throws instead of letting `undefined` flow on.

/** items[index]; negative indexes count from the end like Array.prototype.at. Throws when out of range. */
export function at<T>(items: readonly T[], index: number): T {
  const i = index < 0 ? items.length + index : index;
  if (!Number.isInteger(i) || i < 0 || i >= items.length) {
    throw new RangeError(`index ${index} is out of range for ${items.length} items`);
  }
  return items[i] as T;
}

/** The first element; throws on an empty list. */
export function first<T>(items: readonly T[]): T {
  return at(items, 0);
}

/** The last element; throws on an empty list. */
export function last<T>(items: readonly T[]): T {
  return at(items, -1);
}
