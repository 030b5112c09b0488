// Remembers the last result of a function for the same arguments (compared with ===), so layer
// data keeps its identity between renders and deck.gl does not rebuild attributes needlessly.
export function memoLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | undefined;
  let lastResult: R;
  return (...args: A): R => {
    if (lastArgs && args.length === lastArgs.length && args.every((arg, i) => arg === lastArgs![i])) return lastResult;
    lastArgs = args;
    lastResult = fn(...args);
    return lastResult;
  };
}

/**
 * Keeps the identity of an object whose fields are all the same (===) as last time's, so a memo
 * keyed on it sees "unchanged" when only a field left out upstream (e.g. the camera) moved.
 */
export function stableShallow<T extends object>(): (value: T) => T {
  let last: T | undefined;
  return (value: T): T => {
    const same =
      last !== undefined &&
      Object.keys(value).length === Object.keys(last).length &&
      (Object.keys(value) as (keyof T)[]).every((key) => value[key] === last![key]);
    if (!same) last = value;
    return last!;
  };
}
