/**
 * Values built on first use: `once(build)` builds on its first call and returns the same value after
 * (`loadOnce(load)` the same for a promise, loading again after a failure);
 * `lazily({ a: once(…), b: once(…) })` is an object whose properties are built on their first read, so
 * destructuring (`({ a }) => …`) builds only what it names. The request schemas (./http/schemas.ts) are
 * made so, and a route's first request builds only its own. Every lazy loader that keeps its promise
 * does so through `loadOnce` (route validators and contracts, web route groups and pages, the Cognito
 * and attachment ports, the OpenAPI document and Swagger UI): a failed load is not kept, so the next
 * request tries again instead of the container failing every request until Lambda retires it. (A module
 * whose evaluation throws stays failed: Node's ESM loader keeps that error. What is retried is a file
 * that could not be read or resolved, and a failure in the code that runs after the import.)
 */

/** `build()` on the first call, the same value on every call after. */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

/** `load()` on the first call, the same promise after; a rejected one is dropped, so the next call loads again. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/** An object whose every property is its getter's value, read on each access (give it `once` getters to build each once). */
export function lazily<T extends Record<string, () => unknown>>(getters: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const values = {};
  for (const [key, get] of Object.entries(getters)) Object.defineProperty(values, key, { enumerable: true, get });
  return values as { readonly [K in keyof T]: ReturnType<T[K]> };
}
