import { useLayoutEffect } from 'react';
import { useAppStore } from '../store/store';
import { timingMark } from './timing';

/**
 * Marks each React commit that shows a new result ('react:commit'), for the browser benchmark
 * (test/bench/browser.bench.ts): layout effects run once the whole tree's DOM is updated.
 */
export function CommitMark() {
  const result = useAppStore((s) => s.result);
  useLayoutEffect(() => {
    if (result) timingMark('react:commit');
  }, [result]);
  return null;
}
