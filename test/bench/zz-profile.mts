import { launchChromium } from '../e2e/appPage.ts';
import { timeEdits } from './browserEdits.ts';
const b = await launchChromium();
const ctx = await b.newContext({ viewport: { width: 1440, height: 900 } });
const p = await ctx.newPage();
await p.addInitScript({ content: 'globalThis.__name = (f) => f; globalThis.__plannerTiming = true; globalThis.__bench = { longTasks: [] };' });
await p.goto(`http://127.0.0.1:${process.env.PORT}/`);
await p.waitForFunction(() => { const s = window.__planner?.store.getState(); return !!s?.result && s.workspaceReady && window.__planner?.map?.loaded(); }, undefined, { timeout: 180000 });
const cdp = await ctx.newCDPSession(p);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await timeEdits(p, 2, console.log);
const { profile } = await cdp.send('Profiler.stop') as any;
const self = new Map<string, number>();
const dt = profile.timeDeltas as number[];
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
profile.samples.forEach((id: number, i: number) => {
  const n: any = byId.get(id);
  const cf = n.callFrame;
  const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total sampled ms', total.toFixed(0));
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(v.toFixed(0).padStart(7), k);
// by file
const byFile = new Map<string, number>();
for (const [k, v] of self) { const f = k.split(' ').pop()!.split(':')[0]; byFile.set(f, (byFile.get(f) ?? 0) + v); }
console.log([...byFile].sort((a, b) => b[1] - a[1]).slice(0, 10));
await b.close();
