import { FACILITY_FIELDS } from '../../core/dataset';

/** The kinds of table or attribute set the importer maps onto the data contract (each a dataset part). */
export type MappedKind = 'students' | 'schools' | 'catchments' | 'units';

/** A contract column (or property) with the header names that mean it; the canonical name always does. */
interface ColumnSpec {
  column: string;
  aliases: string[];
  required: boolean;
  /** A required column that may be left out when this other column is mapped (school_name for school_id). */
  orElse?: string;
  /** Names that mean this column only when no alias found it, nor another column the required one it stands in for (a KML placemark's `name`). */
  fallbackAliases?: string[];
}

/** Header names of a pupil's ID card number (身份证号). */
export const ID_CARD_ALIASES = ['身份证号', '身份证号码', '公民身份号码', '身份证件号', '证件号码', '身份证'];

const LON = ['lng', 'long', 'longitude', 'x', '经度', '东经'];
const LAT = ['latitude', 'y', '纬度', '北纬'];

const FACILITY_ALIASES: Record<(typeof FACILITY_FIELDS)[number], string[]> = {
  teachers_qualified: ['高于规定学历教师数', '高学历教师数'],
  teachers_backbone: ['骨干教师数', '县级以上骨干教师数'],
  teachers_pe_art: ['体育艺术专任教师数', '体艺教师数', '音体美教师数', '音体美专任教师数'],
  room_area_m2: ['教学及辅助用房面积', '教学辅助用房面积'],
  sports_area_m2: ['体育运动场馆面积', '运动场馆面积'],
  equipment_value_yuan: ['教学仪器设备值', '仪器设备值', '教学仪器设备总值'],
  multimedia_rooms: ['网络多媒体教室数', '多媒体教室数'],
  music_rooms: ['音乐教室数', '音乐专用教室数'],
  art_rooms: ['美术教室数', '美术专用教室数'],
};

/** The columns of each kind, in output order, with their Chinese and English aliases. */
export const COLUMN_SPECS: Record<MappedKind, ColumnSpec[]> = {
  students: [
    // A list of pupils without a 学籍号 (new entrants, a survey) names each by the ID card: only then is it the id.
    { column: 'id', required: true, aliases: ['学籍号', '全国学籍号', '学籍编号', '学生编号', '学号', '编号', 'student_id', 'pupil_id'], fallbackAliases: ID_CARD_ALIASES },
    { column: 'lon', required: true, aliases: LON },
    { column: 'lat', required: true, aliases: LAT },
    { column: 'grade', required: true, aliases: ['年级', '就读年级', '在读年级'] },
    { column: 'school_id', required: false, aliases: ['学校', '学校代码', '学校编号', '学校编码', '学校标识码', '就读学校', '就读学校代码', '现就读学校', 'school', 'school_code'] },
    { column: 'school_name', required: false, aliases: ['学校名称', '就读学校名称', '学校全称', '学校简称', '校名', '在读学校', '所在学校', '在读学校名称', 'school_name'] },
    { column: 'unit_id', required: false, aliases: ['小区', '村', '小区/村', '小区代码', '村代码', '单元', '单元代码', '小区编号', '居住小区', '所属小区', '社区', 'unit'] },
    { column: 'address', required: false, aliases: ['住址', '地址', '家庭住址', '现住址', '居住地址', '家庭地址', 'addr'] },
    { column: 'name', required: false, aliases: ['姓名', '学生姓名', 'pupil_name', 'student_name'] },
    { column: 'level', required: false, aliases: ['学段', '就读学段', '所在学段', 'level', 'stage'] },
    { column: 'status', required: false, aliases: ['学籍状态', '在校状态', '学生状态', '在籍状态', 'status'] },
  ],
  schools: [
    { column: 'id', required: true, aliases: ['编号', '代码', '学校代码', '学校编号', '学校编码', '学校标识码', 'code', 'school_id'] },
    { column: 'name', required: true, aliases: ['名称', '学校名称', '学校', '校名', 'school_name'] },
    { column: 'level', required: true, aliases: ['学段', '学校类型', '办学类型', '类型'] },
    { column: 'ownership', required: true, aliases: ['办学性质', '性质', '公办民办', '公民办'] },
    { column: 'classrooms', required: false, aliases: ['教室数', '普通教室数', '教室'] },
    { column: 'opens', required: false, aliases: ['开办年份', '启用年份', '投用年份', '开学年份'] },
    { column: 'aliases', required: false, aliases: ['曾用名', '别名', '又名', '原名', '原校名', '其他名称', 'alias'] },
    { column: 'lon', required: true, aliases: LON },
    { column: 'lat', required: true, aliases: LAT },
    ...FACILITY_FIELDS.map((column) => ({ column, required: false, aliases: FACILITY_ALIASES[column] })),
  ],
  catchments: [
    { column: 'school_id', required: true, orElse: 'school_name', aliases: ['学校代码', '学校编号', '学校编码', '学校标识码', 'school', 'school_code'] },
    { column: 'school_name', required: false, aliases: ['学校名称', '学校', '校名', '学校简称', 'school_name'], fallbackAliases: ['name', '名称'] },
    { column: 'level', required: true, aliases: ['学段'] },
    { column: 'zone_name', required: false, aliases: ['学区名称', '片区名称', '学区', '片区', 'zone', 'zone_name'] },
  ],
  units: [
    { column: 'id', required: false, aliases: ['编号', '代码', '编码', '小区代码', '村代码', '小区编号', 'unit_id', 'code'] },
    { column: 'name', required: true, orElse: 'id', aliases: ['名称', '小区名称', '村名', '村名称', '小区/村', '小区', '村', '社区', '村居', '单元名称', 'unit_name'] },
    { column: 'town', required: false, aliases: ['镇街', '乡镇', '乡镇街道', '镇/街道', '所属镇街', '所属乡镇', '所属街道', '街道', '镇'] },
    { column: 'kind', required: false, aliases: ['类型', '类别', '小区/村类型', 'type'] },
    { column: 'lon', required: true, aliases: LON },
    { column: 'lat', required: true, aliases: LAT },
    { column: 'aliases', required: false, aliases: ['别名', '又名', '曾用名', '其他名称', 'alias'] },
  ],
};

/** The kind of columns a dataset part is mapped onto; undefined for parts read as they are. */
export function mappedKindOf(part: string | undefined): MappedKind | undefined {
  return part !== undefined && Object.hasOwn(COLUMN_SPECS, part) ? (part as MappedKind) : undefined;
}
