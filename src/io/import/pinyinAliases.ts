import type { MappedKind } from './columnAliases';

/**
 * Field names made of pinyin initials, as Chinese GIS data (Shapefile .dbf fields are at most 10
 * characters) and some registry exports name them: XXDM = 学校代码 (xuéxiào dàimǎ), XXMC = 学校名称,
 * XD = 学段, JD / WD = 经度 / 纬度 … Per kind, since one abbreviation means different things in
 * different files (XQMC is 学区名称 in a zones file, 小区名称 in a table of compounds).
 */
export const PINYIN_ALIASES: Record<MappedKind, Record<string, string[]>> = {
  students: {
    id: ['XJH', 'QGXJH', 'XJBH', 'XSBH', 'XH'],
    lon: ['JD'],
    lat: ['WD'],
    grade: ['NJ', 'JDNJ'],
    school_id: ['XXDM', 'XXBSM', 'XXBM', 'XXBH', 'JDXX'],
    unit_id: ['XQDM', 'XQBH', 'CDM'],
    address: ['JTZZ', 'XZZ', 'JZDZ', 'ZZ', 'DZ'],
    level: ['XD'],
  },
  schools: {
    id: ['XXDM', 'XXBSM', 'XXBM', 'XXBH', 'DM'],
    name: ['XXMC', 'XXJC', 'MC'],
    level: ['XD', 'BXLX', 'XXLX'],
    ownership: ['BXXZ', 'XZ'],
    classrooms: ['JSS', 'PTJSS'],
    opens: ['KBNF', 'QYNF'],
    lon: ['JD'],
    lat: ['WD'],
  },
  catchments: {
    school_id: ['XXDM', 'XXBSM', 'XXBM', 'XXBH', 'DM'],
    school_name: ['XXMC', 'XXJC', 'MC'],
    level: ['XD', 'ZSXD'],
    zone_name: ['XQMC', 'PQMC', 'ZSPQ', 'XQ', 'PQ'],
  },
  units: {
    id: ['DM', 'BH', 'XQDM', 'CDM'],
    name: ['MC', 'XQMC', 'CMC', 'CM', 'SQMC'],
    town: ['XZ', 'ZJ', 'XZJD', 'SSZJ', 'SSXZ', 'JDMC', 'XZMC'],
    kind: ['LX', 'LB'],
    lon: ['JD'],
    lat: ['WD'],
    aliases: ['CYM'],
  },
};
