import { describe, expect, it } from 'vitest';
import { DATASET_PARTS } from '../../src/io/import/datasetPart';
import { EN } from '../../src/i18n/messages.en';
import { ZH } from '../../src/i18n/messages.zh';

// The mapping step names every part by `part_<part>`; a part without a name broke the dialog.
describe('dataset part names', () => {
  it('has a Chinese and an English name for every part a file can be', () => {
    const missing = DATASET_PARTS.filter((p) => !(`part_${p}` in ZH) || !(`part_${p}` in EN));
    expect(missing).toEqual([]);
  });
});
