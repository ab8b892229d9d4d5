import { spawn, type ChildProcess } from 'node:child_process';
import type { TestProject } from 'vitest/node';

const PORT = Number(process.env.E2E_PORT ?? 4319);

let server: ChildProcess | undefined;

/** Vitest global setup: serves the built app with `vite preview` and waits until it answers. */
export async function setup(project: TestProject) {
  server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const url = `http://127.0.0.1:${PORT}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`vite preview did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  project.provide('baseUrl', url);
}

export async function teardown() {
  if (server?.pid) process.kill(-server.pid);
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
