import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSchoolNameIndex, matchSchoolName, normaliseSchoolName } from '../../src/core/schoolNames';

describe('normaliseSchoolName', () => {
  it('gives full and short forms one form', () => {
    expect(normaliseSchoolName('寿光市第一中学小学部')).toBe('1中小部');
    expect(normaliseSchoolName('寿光一中小学部')).toBe('1中小部');
    expect(normaliseSchoolName('寿光市第一中学')).toBe('1中');
    expect(normaliseSchoolName('寿光一中')).toBe('1中');
    expect(normaliseSchoolName('（寿光市）第十二中学')).toBe('12中');
    expect(normaliseSchoolName('寿光市第２１中学')).toBe('21中');
    expect(normaliseSchoolName('二十一中')).toBe('21中');
    expect(normaliseSchoolName('建桥学校')).toBe('建桥');
  });

  it('never gives a 小学 and a 中学 one form', () => {
    expect(normaliseSchoolName('圣城小学')).toBe('圣城小');
    expect(normaliseSchoolName('圣城中学')).toBe('圣城中');
    expect(normaliseSchoolName('寿光一小')).toBe('1小');
  });

  it('keeps the county name when only a level word would be left', () => {
    expect(normaliseSchoolName('寿光中学')).toBe('寿光中');
    expect(normaliseSchoolName('寿光市中学')).toBe('寿光市中');
  });

  it('reads 初级中学 as 初中', () => {
    expect(normaliseSchoolName('孙家集街道第一初级中学')).toBe('孙家集街道1初中');
  });
});

describe('matchSchoolName', () => {
  const schools = ['寿光市第一中学', '寿光市第一中学小学部', '圣城小学', '圣城中学', '建桥学校', '文家街道第二小学', '孙家集街道第一初级中学', '东城小学', '东城小学'];

  it('matches full and short forms', () => {
    expect(matchSchoolName('寿光一中小学部', schools)).toEqual({ school: 1 });
    expect(matchSchoolName('寿光一中', schools)).toEqual({ school: 0 });
    expect(matchSchoolName('第一中学', schools)).toEqual({ school: 0 });
    expect(matchSchoolName('寿光市圣城小学', schools)).toEqual({ school: 2 });
    expect(matchSchoolName('圣城中学', schools)).toEqual({ school: 3 });
    expect(matchSchoolName('建桥', schools)).toEqual({ school: 4 });
  });

  it('drops the town word and reads 初中 as 中 only when nothing closer is found', () => {
    expect(matchSchoolName('文家二小', schools)).toEqual({ school: 5 });
    expect(matchSchoolName('孙家集一中', schools)).toEqual({ school: 6 });
    expect(matchSchoolName('孙家集街道一初中', schools)).toEqual({ school: 6 });
  });

  it('reads names in traditional characters as their simplified forms, on both sides', () => {
    expect(matchSchoolName('壽光市聖城小學', schools)).toEqual({ school: 2 });
    expect(matchSchoolName('壽光一中小學部', schools)).toEqual({ school: 1 });
    expect(matchSchoolName('建橋學校（東校區）', schools)).toEqual({ school: 4, shortened: '建桥学校' });
    expect(matchSchoolName('东关学校', ['東關學校', '城關中學'])).toEqual({ school: 0 });
    expect(matchSchoolName('城关中学', ['東關學校', '城關中學'])).toEqual({ school: 1 });
    expect(matchSchoolName('聖城', schools)).toEqual({ none: true });
    // 於 is a surname in simplified writing too: a name as written is found before both are simplified.
    expect(matchSchoolName('於家小学', ['于家小学', '於家小学'])).toEqual({ school: 1 });
    expect(matchSchoolName('于家小学', ['于家小学', '於家小学'])).toEqual({ school: 0 });
  });

  it('lists several schools of one name, never guesses, and says when none fits', () => {
    expect(matchSchoolName('东城小学', schools)).toEqual({ ambiguous: [7, 8] });
    expect(matchSchoolName('圣城', schools)).toEqual({ none: true });
    expect(matchSchoolName('文家一小', schools)).toEqual({ none: true });
    expect(matchSchoolName('', schools)).toEqual({ none: true });
  });

  it('finds the county prefix of another county from the school list', () => {
    const other = createSchoolNameIndex(['定州市第一中学', '定州市实验小学', '定州市第一中学小学部']);
    expect(matchSchoolName('定州一中', other)).toEqual({ school: 0 });
    expect(matchSchoolName('定州一中小学部', other)).toEqual({ school: 2 });
    expect(matchSchoolName('实验小学', other)).toEqual({ school: 1 });
  });

  it('finds every Shouguang school by its own name and by its name without 寿光市', () => {
    const path = join(import.meta.dirname, '../../data/shouguang/schools.geojson');
    const names: string[] = JSON.parse(readFileSync(path, 'utf8')).features.map((f: { properties: { name: string } }) => f.properties.name);
    const index = createSchoolNameIndex(names);
    expect(names.map((n, i) => [i, matchSchoolName(n, index)]).filter(([i, r]) => JSON.stringify(r) !== JSON.stringify({ school: i }))).toEqual([]);
    expect(matchSchoolName('实验小学', index)).toEqual({ school: names.indexOf('寿光市实验小学') });
    expect(matchSchoolName('寿光一中分校小学部', index)).toEqual({ school: names.indexOf('寿光一中分校小学部') });
    expect(matchSchoolName('寿光市第一中学分校小学部', index)).toEqual({ school: names.indexOf('寿光一中分校小学部') });
  });

  it('takes a section for its nine-year school, and the school for its sections (the load stopped: "names no school")', () => {
    const nineYear = createSchoolNameIndex(['东关学校', '城关中学']);
    expect(matchSchoolName('东关学校初中部', nineYear)).toEqual({ school: 0, shortened: '东关学校' });
    expect(matchSchoolName('城关中学初中部', nineYear)).toEqual({ school: 1, shortened: '城关中学' });
    const sections = createSchoolNameIndex(['东关学校小学部', '东关学校初中部', '城关中学']);
    expect(matchSchoolName('东关学校', sections)).toEqual({ ambiguous: [0, 1], shortened: '东关学校' });
    // Among one level's schools (as a zone's school is looked for first) the section is one.
    expect(matchSchoolName('东关学校', createSchoolNameIndex(['东关学校初中部', '城关中学']))).toEqual({ school: 0, shortened: '东关学校' });
    // A school of its own with a section's name is found by that name first.
    expect(matchSchoolName('寿光一中小学部', schools)).toEqual({ school: 1 });
  });
});
