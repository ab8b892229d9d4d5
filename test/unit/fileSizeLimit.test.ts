import { describe, expect, it } from 'vitest';
import { checkFileSizes, MAX_LOAD_BYTES } from '../../src/app/fileSizeLimit';
import { describeDataProblem } from '../../src/core/dataProblems';

const MB = 2 ** 20;

describe('checkFileSizes', () => {
  it('lets files of 150 MB together through', () => {
    expect(MAX_LOAD_BYTES).toBe(150 * MB);
    expect(checkFileSizes([{ name: 'students.csv', size: 149 * MB }, { name: 'schools.geojson', size: MB }])).toBeUndefined();
  });

  it('refuses a file over the limit by its name and size, in both languages', () => {
    const refused = checkFileSizes([{ name: 'schools.geojson', size: 1000 }, { name: '学生名单.csv', size: 300 * MB + 1 }]);
    expect(refused).toEqual({
      ok: false,
      file: '学生名单.csv',
      detail: 'the file is 301 MB, more than the 150 MB the page can read without running out of memory; leave out the columns the app does not use (names, ID numbers, notes …) or use the command line (npm run simulate)',
      problem: { code: 'pickedFileTooLarge', params: { got: '301', max: 150 } },
    });
    expect(describeDataProblem('pickedFileTooLarge', refused!.problem!.params, 'zh-CN')).toBe('文件大小 301 MB，超过页面可读取的上限 150 MB（再大会耗尽内存）；请删去本程序不用的列（姓名、身份证号、备注等），或改用命令行（npm run simulate）');
  });

  it('refuses files that are over the limit only together', () => {
    const refused = checkFileSizes([{ name: 'a.csv', size: 100 * MB }, { name: 'b.csv', size: 60 * MB }]);
    expect(refused?.file).toBe('');
    expect(refused?.problem).toEqual({ code: 'pickedFilesTooLarge', params: { got: '160', max: 150 } });
    expect(refused?.detail).toMatch(/^the files are 160 MB together, more than the 150 MB/);
  });
});
