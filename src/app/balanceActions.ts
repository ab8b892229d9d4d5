import { computeSchoolsNearOver } from '../core/balance/nearOver';
import type { BalanceInput, BalancePlan } from '../core/balance/types';
import { translate } from '../i18n/format';
import { BalanceState } from '../core/balance/state';
import { balanceRequestOf, balanceSettingsOf, nextBalanceName, overLimitIds, planScenarioEdits, plannedYears, plansAhead, type BalanceForm } from '../features/balance/balanceModel';
import { BASELINE_ID, useAppStore, type BalanceView } from '../store/store';
import { createBalanceClient } from './balanceClient';
import { setCompareIds } from './compareActions';
import { engineProblem } from './editActions';
import { currentEngine } from './engineClient';
import { activeScenario, addImportedScenario, emptyScenario } from './scenarioActions';

let client: ReturnType<typeof createBalanceClient> | undefined;
// The run whose reports are taken: a newer run (or a dataset load, which clears `balance`) retires it.
let runId = 0;

const setBalance = (id: number, patch: Partial<BalanceView>) => {
  const b = useAppStore.getState().balance;
  if (id === runId && b) useAppStore.setState({ balance: { ...b, ...patch } });
};

const sameObjective = (a: BalancePlan, b: BalancePlan) =>
  a.objective.violation === b.objective.violation && a.objective.moved === b.objective.moved && a.objective.addedKm === b.objective.addedKm && a.moves.length === b.moves.length;

/** Opens or closes the 自动均衡 drawer. */
export function openBalance(open: boolean): void {
  useAppStore.setState({ balanceOpen: open });
}

/**
 * Balances the active scenario as the form asks: the engine builds the problem, the balance worker
 * runs it (its reports update the progress and the best plan in the store), then the engine checks
 * the final plan. A run already going is replaced.
 */
export async function startBalance(form: BalanceForm): Promise<void> {
  const engine = currentEngine();
  const doc = activeScenario();
  if (!engine || !doc) return;
  const id = ++runId;
  const baseYear = useAppStore.getState().dataset!.baseYear;
  const planned = plansAhead(form, baseYear) ? { years: plannedYears(form, baseYear), rules: doc.rules, projection: doc.projection } : undefined;
  useAppStore.setState({ balance: { status: 'preparing', cancelled: false, removed: [], baseId: doc.id, baseEdits: doc.edits, ...(planned && { planned }) } });
  let input: BalanceInput | { error: string };
  try {
    input = await engine.remote.balanceInput(balanceRequestOf(form, { baseYear, rules: doc.rules, projection: doc.projection }));
  } catch (e) {
    setBalance(id, { status: 'error', error: { problem: engineProblem(e) } });
    return;
  }
  if ('error' in input) {
    setBalance(id, { status: 'error', error: { detail: input.error } });
    return;
  }
  const schoolIds = form.scope === 'picked' ? form.picked : form.scope === 'nearOver' ? computeSchoolsNearOver(input, overIds(input, form, planned !== undefined)) : undefined;
  setBalance(id, { status: 'running' });
  client ??= createBalanceClient();
  let final: Awaited<ReturnType<typeof client.run>>;
  try {
    final = await client.run(input, balanceSettingsOf(form, schoolIds), (report) => {
      // An unchanged best plan keeps its object, so the moves table and the map are not redrawn.
      const kept = useAppStore.getState().balance?.plan;
      setBalance(id, { progress: report.progress, plan: kept && sameObjective(kept, report.plan) ? kept : report.plan });
    });
  } catch (e) {
    // The balance worker failed (not a problem of the request): the planner may run it again.
    console.error(e);
    setBalance(id, { status: 'error', error: { detail: e instanceof Error ? e.message : String(e) } });
    return;
  }
  setBalance(id, { status: 'done', progress: final.progress, plan: final.plan });
  if (id === runId) await checkPlan();
}

/**
 * The schools over their limits the 'nearOver' scope starts from: in the base year, those of the
 * current result; for projected years, those the balancing problem finds over in some planned year.
 */
function overIds(input: BalanceInput, form: BalanceForm, projected: boolean): Set<string> {
  const result = useAppStore.getState().result;
  if (!projected) return result ? overLimitIds(result) : new Set();
  const state = new BalanceState(input, balanceSettingsOf(form));
  return new Set(input.schools.filter((_, s) => state.isOver(s)).map((s) => s.id));
}

/** Stops the run: the worker answers the best plan so far, which stays in the panel. */
export async function cancelBalance(): Promise<void> {
  const b = useAppStore.getState().balance;
  if (!client || b?.status !== 'running') return;
  useAppStore.setState({ balance: { ...b, cancelled: true } });
  await client.cancel();
}

/**
 * Asks the engine for the figures of the plan's scenario with the kept moves (the scenario's own
 * edits, then the moves not removed), so the panel shows which schools the kept moves leave over
 * their limits. An answer for a list of removed moves that has since changed is dropped.
 */
export async function checkPlan(): Promise<void> {
  const engine = currentEngine();
  const b = useAppStore.getState().balance;
  if (!engine || !b?.plan) return;
  const removed = b.removed;
  useAppStore.setState({ balance: { ...b, check: undefined } });
  let check: BalanceView['check'];
  const edits = planScenarioEdits(b.baseEdits, b.plan.moves, removed);
  try {
    if (b.planned) {
      const { years, rules, projection } = b.planned;
      const baseYear = useAppStore.getState().dataset!.baseYear;
      const [view] = await engine.remote.project([{ key: `balance-check-${b.baseId}`, edits, rules, settings: { ...projection, years: Math.max(projection.years, years.at(-1)! - baseYear) } }], useAppStore.getState().profile);
      check = 'problem' in view ? { removed, problem: view.problem, index: view.index } : { removed, years: view.years.filter((y) => years.includes(y.year)).map(({ year, result }) => ({ year, result })) };
    } else {
      const answer = await engine.remote.checkEdits(edits);
      check = answer.ok ? { removed, result: answer.result } : { removed, problem: answer.problem, index: answer.index };
    }
  } catch (e) {
    check = { removed, problem: engineProblem(e) };
  }
  const now = useAppStore.getState().balance;
  if (now && now.plan === b.plan && now.removed === removed) useAppStore.setState({ balance: { ...now, check } });
}

/** Removes a move from the plan (or puts a removed one back) and checks the limits again. */
export function toggleMove(index: number): Promise<void> {
  const b = useAppStore.getState().balance;
  if (!b?.plan || b.status !== 'done' || b.acceptedId) return Promise.resolve();
  const removed = b.removed.includes(index) ? b.removed.filter((i) => i !== index) : [...b.removed, index].sort((x, y) => x - y);
  useAppStore.setState({ balance: { ...b, removed } });
  return checkPlan();
}

/**
 * Makes the plan a new scenario "自动均衡 N": the scenario it was made from (its edits, rules and
 * projection) and then one `assignUnits` edit per kept move, opened through the ordinary scenario
 * path (so undo, compare and export work on it), and compared beside 现状 and that scenario.
 */
export async function acceptBalance(): Promise<boolean> {
  const s = useAppStore.getState();
  const b = s.balance;
  if (!b?.plan || b.status !== 'done' || b.acceptedId) return false;
  const base = s.scenarios.find((d) => d.id === b.baseId);
  const name = nextBalanceName(s.scenarios.map((d) => d.name), (n) => translate(s.locale, 'balanceScenarioN', { n }));
  const doc = { ...emptyScenario(name), edits: planScenarioEdits(b.baseEdits, b.plan.moves, b.removed), ...(base && { rules: base.rules, projection: base.projection }) };
  if ((await addImportedScenario(doc)) !== true) return false;
  const now = useAppStore.getState().balance;
  if (now) useAppStore.setState({ balance: { ...now, acceptedId: doc.id } });
  void setCompareIds([...new Set([BASELINE_ID, b.baseId, doc.id])].filter((id) => id === BASELINE_ID || useAppStore.getState().scenarios.some((d) => d.id === id)));
  return true;
}
