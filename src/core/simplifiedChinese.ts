import { Converter } from 'opencc-js/t2cn';

const convert = Converter({ from: 't', to: 'cn' });

/**
 * Text in traditional characters written in simplified ones (OpenCC t2s: 樣本縣育才學校 →
 * 样本县育才学校, 實驗小學東校區 → 实验小学东校区); text already simplified comes back unchanged.
 * For comparing names only: what the planner typed is shown as typed.
 */
export function toSimplified(text: string): string {
  return convert(text);
}
