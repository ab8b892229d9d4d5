/** Runs a stepped computation (a generator that yields between its steps) to its end, in one piece, and returns its value. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
