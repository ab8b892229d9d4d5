/** Made-up but typical Shandong place names: villages (with pinyin, for village-school names) and compounds. */
import type { Rng } from './random.ts';

/** A village base name such as 王家庄 (the unit adds 村, the school adds 小学) and its pinyin. */
export interface VillageName {
  zh: string;
  en: string;
}

const DIRECTIONS: readonly (readonly [string, string])[] = [
  ['东', 'dong'], ['西', 'xi'], ['南', 'nan'], ['北', 'bei'], ['前', 'qian'], ['后', 'hou'], ['大', 'da'], ['小', 'xiao'],
];

const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['赵', 'zhao'],
  ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'], ['高', 'gao'], ['郑', 'zheng'],
  ['韩', 'han'], ['冯', 'feng'], ['于', 'yu'], ['董', 'dong'], ['曹', 'cao'], ['袁', 'yuan'], ['许', 'xu'],
  ['苏', 'su'], ['卢', 'lu'], ['蒋', 'jiang'], ['贾', 'jia'], ['丁', 'ding'], ['魏', 'wei'], ['薛', 'xue'],
  ['阎', 'yan'], ['潘', 'pan'], ['杜', 'du'], ['田', 'tian'], ['任', 'ren'], ['姜', 'jiang'], ['范', 'fan'],
  ['石', 'shi'], ['崔', 'cui'], ['孔', 'kong'], ['邢', 'xing'], ['裴', 'pei'], ['宋', 'song'], ['齐', 'qi'],
  ['牛', 'niu'], ['桑', 'sang'], ['葛', 'ge'], ['隋', 'sui'], ['谭', 'tan'], ['常', 'chang'], ['乔', 'qiao'],
  ['庞', 'pang'], ['邵', 'shao'], ['孟', 'meng'], ['秦', 'qin'], ['尹', 'yin'], ['程', 'cheng'], ['徐', 'xu'],
  ['吴', 'wu'], ['周', 'zhou'], ['何', 'he'], ['林', 'lin'], ['付', 'fu'], ['彭', 'peng'], ['夏', 'xia'],
  ['谢', 'xie'], ['钟', 'zhong'], ['桓', 'huan'], ['臧', 'zang'], ['逄', 'pang'], ['綦', 'qi'], ['鞠', 'ju'],
];

// 家庄 is listed twice: it is the commonest ending
const CLAN_SUFFIXES: readonly (readonly [string, string])[] = [
  ['家庄', 'jiazhuang'], ['家庄', 'jiazhuang'], ['家营', 'jiaying'], ['家店', 'jiadian'], ['家楼', 'jialou'],
  ['家洼', 'jiawa'], ['家埠', 'jiabu'], ['家寨', 'jiazhai'], ['家屯', 'jiatun'], ['家河', 'jiahe'],
  ['家岭', 'jialing'], ['官庄', 'guanzhuang'], ['家集', 'jiaji'], ['家疃', 'jiatuan'],
];

const PLACE_BASES: readonly (readonly [string, string])[] = [
  ['营里', 'yingli'], ['桥头', 'qiaotou'], ['河口', 'hekou'], ['埠头', 'butou'], ['台子', 'taizi'],
  ['洼里', 'wali'], ['岭子', 'lingzi'], ['店子', 'dianzi'], ['屯里', 'tunli'], ['寨里', 'zhaili'],
  ['河崖', 'heya'], ['庄头', 'zhuangtou'], ['辛庄', 'xinzhuang'], ['官道', 'guandao'],
];

const COMPOUND_WORDS: readonly string[] = [
  '金光', '农圣', '弥河', '圣城', '文圣', '金桥', '银海', '阳光', '幸福', '和谐', '锦绣', '翠竹', '丽景', '东方',
  '鸿福', '泰和', '盛世', '鑫源', '金域', '书香', '状元', '仓圣', '菜都', '蔬香', '圣都', '百合', '怡景', '宏源',
  '富康', '安居', '惠民', '兴华', '水岸', '滨河', '明珠', '金鼎', '凤凰', '桃园', '恒信', '龙源', '紫薇', '春晖',
  '建业', '润园', '丹河', '绿洲', '海棠', '晨光', '御景', '康泰',
];

// 小区 is listed twice: it is the commonest ending
const COMPOUND_SUFFIXES: readonly string[] = [
  '小区', '小区', '花园', '家园', '苑', '新城', '华庭', '名邸', '佳苑', '雅居', '公寓', '新村',
];

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Hands out unique village and compound names. */
export class NameBook {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** Marks a name as taken (a village named by hand). */
  reserve(name: string): void {
    this.used.add(name);
  }

  /** A new village base name, e.g. 东王家庄 / Dongwangjiazhuang. */
  village(): VillageName {
    for (;;) {
      let zh: string;
      let en: string;
      if (this.rng.chance(0.8)) {
        const [sz, se] = this.rng.pick(SURNAMES);
        const [xz, xe] = this.rng.pick(CLAN_SUFFIXES);
        const [dz, de] = this.rng.chance(0.3) ? this.rng.pick(DIRECTIONS) : ['', ''];
        zh = dz + sz + xz;
        en = de + se + xe;
      } else {
        const [dz, de] = this.rng.pick(DIRECTIONS);
        const [bz, be] = this.rng.pick(PLACE_BASES);
        zh = dz + bz;
        en = de + be;
      }
      if (!this.used.has(zh)) {
        this.used.add(zh);
        return { zh, en: capitalize(en) };
      }
    }
  }

  /** A new compound name, e.g. 农圣花园. */
  compound(): string {
    for (;;) {
      const name = this.rng.pick(COMPOUND_WORDS) + this.rng.pick(COMPOUND_SUFFIXES);
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}
