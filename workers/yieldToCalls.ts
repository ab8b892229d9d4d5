/**
 * Lets the worker's event loop run before going on: calls posted meanwhile (an edit, a cancel) are
 * answered here, between two slices of a long piece of work.
 */
export const yieldToCalls = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0));
