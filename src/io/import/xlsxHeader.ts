import { uniqueNames } from './table';

/** A header cell as the sheet shows it: its text and how it is merged. */
export interface HeaderCell {
  text: string;
  /** Part of a merged range spanning several columns (a group header such as "坐标" over 经度, 纬度). */
  spansColumns: boolean;
  /** Covered by a merged range starting in the row above (a name merged down over two header rows). */
  fromAbove: boolean;
}

/** Whether the header takes two rows: a group cell spans columns, or a name is merged down. */
export function isTwoRowHeader(top: HeaderCell[], below: HeaderCell[]): boolean {
  return top.some((c) => c.spansColumns) || below.some((c) => c.fromAbove);
}

/**
 * One usable name per column from a one- or two-row header: the lower name where there is one,
 * else the upper (merged) one; a lower name repeated under different groups is prefixed by its
 * group ("学校"+"代码" → "学校代码", "小区"+"代码" → "小区代码"); what still repeats is numbered.
 */
export function headerNames(top: HeaderCell[], below?: HeaderCell[]): string[] {
  return uniqueNames(headerLabels(top, below));
}

/** The names of headerNames before what repeats is numbered (repeatedColumns finds those). */
export function headerLabels(top: HeaderCell[], below?: HeaderCell[]): string[] {
  if (!below) return top.map((c) => c.text);
  const width = Math.max(top.length, below.length);
  const lower = Array.from({ length: width }, (_, i) => {
    const cell = below[i];
    return cell && !cell.fromAbove ? cell.text.trim() : '';
  });
  const counts = new Map<string, number>();
  for (const name of lower) if (name !== '') counts.set(name, (counts.get(name) ?? 0) + 1);
  return lower.map((name, i) => {
    const group = top[i]?.text.trim() ?? '';
    if (name === '') return group;
    return (counts.get(name) ?? 0) > 1 && top[i]?.spansColumns ? `${group}${name}` : name;
  });
}
