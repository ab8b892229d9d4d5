import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

describe('data/generator', () => {
  it('regenerates the committed default dataset byte for byte from its seed', () => {
    const out = mkdtempSync(join(tmpdir(), 'shouguang-'));
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'data/generator/generate.ts'), out], { cwd: root, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const committed = readdirSync(join(root, 'data/shouguang')).sort();
      expect(readdirSync(out).sort()).toEqual(committed);
      for (const f of committed) {
        expect(readFileSync(join(out, f)).equals(readFileSync(join(root, 'data/shouguang', f))), f).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});
