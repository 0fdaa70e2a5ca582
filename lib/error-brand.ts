/**
 * Errors are recognised by a brand, never by class identity: a bundler may load one module in
 * several copies (the server build held seven of the blob store's), and `instanceof` then fails for
 * an error made by another copy. The brand is a registered symbol (Symbol.for), the same in every
 * copy and every realm, set on each instance by its constructor.
 */
export interface ErrorBrand<T> {
  /** Called by the class's constructor on `this`. */
  mark(error: T): void;
  /** Whether `error` was made by any copy of the class. */
  is(error: unknown): error is T;
}

export function errorBrand<T extends Error>(name: string): ErrorBrand<T> {
  const brand = Symbol.for(`prism.error.${name}`);
  return {
    mark(error) {
      Object.defineProperty(error, brand, { value: true });
    },
    is(error): error is T {
      return typeof error === "object" && error !== null && brand in error;
    },
  };
}
