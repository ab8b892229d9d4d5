import type { MessageLanguage } from './editProblems';
import { fillTemplate } from './messageTemplate';

/**
 * Why a file, or a row of it, cannot be used — in both languages. Placeholders: {where} (a
 * feature), {key}, {got}, {id}, {name}, {level}, {columns}, {found}, {detail}, {value}, {school},
 * {max}, {min}, {year}, {version}, {n}, {at}.
 */
export const DATA_PROBLEMS = {
  emptyFile: { en: 'the file is empty', 'zh-CN': '文件是空的' },
  badJson: { en: 'not valid JSON ({detail})', 'zh-CN': '不是有效的 JSON（{detail}）' },
  notFeatureCollection: { en: 'expected a GeoJSON FeatureCollection', 'zh-CN': '应为 GeoJSON FeatureCollection' },
  missingFile: { en: 'the file is missing from the dataset', 'zh-CN': '数据集中缺少此文件' },
  unreadable: { en: 'cannot be read ({detail})', 'zh-CN': '无法读取（{detail}）' },
  badSchoolSystem: { en: '"schoolSystem" must be "6-3" (六三制: primary grades 1–6) or "5-4" (五四制: primary grades 1–5), got {got}', 'zh-CN': '"schoolSystem"（学制）应为 "6-3"（六三制：小学一至六年级）或 "5-4"（五四制：小学一至五年级），实际为 {got}' },
  badBaseYear: { en: '"baseYear" must be a year, got {got}', 'zh-CN': '"baseYear" 应为年份，实际为 {got}' },
  notWholeNumber: { en: '{where}"{key}" must be a whole number ≥ 0, got {got}', 'zh-CN': '{where}"{key}" 应为不小于 0 的整数，实际为 {got}' },
  notPoint: { en: '{where}geometry must be a Point', 'zh-CN': '{where}几何类型应为点（Point）' },
  notLonLat: { en: '{where}coordinates are not longitude/latitude degrees', 'zh-CN': '{where}坐标不是经纬度' },
  missingProperty: { en: '{where}missing "{key}"', 'zh-CN': '{where}缺少 "{key}"' },
  duplicateId: { en: '{where}duplicate id "{id}"', 'zh-CN': '{where}id "{id}" 重复' },
  datumNotShifted: { en: 'its .prj says {value}: positions are read without a shift to the WGS84/CGCS2000 datum and may be off by tens of metres, up to about 100 m, which moves pupils near a boundary; convert the file to CGCS2000 or WGS84 in the GIS before loading', 'zh-CN': '其 .prj 为 {value}：坐标未做到 WGS84/CGCS2000 的基准转换，位置可能偏差数十米至约 100 米，边界附近的学生会因此归错片区；请先在 GIS 中转换为 CGCS2000 或 WGS84 再载入' },
  duplicateSchoolId: { en: '{where}duplicate id "{id}": {got} has it too (a campus listed on a row of its own needs an id of its own; else list the school once)', 'zh-CN': '{where}id "{id}" 重复：{got}也用此 id（单独列为一行的校区需有自己的 id，否则学校只列一行）' },
  badLevel: { en: '{where}"level" must be one of {value}, got {got}', 'zh-CN': '{where}"level" 应为 {value} 之一，实际为 {got}' },
  badOwnership: { en: '{where}"ownership" must be public or private, got {got}', 'zh-CN': '{where}"ownership" 应为 public（公办）或 private（民办），实际为 {got}' },
  shortRing: { en: '{where}a ring has fewer than 3 distinct points', 'zh-CN': '{where}有边界少于 3 个不同的点' },
  notNumber: { en: '{where}a coordinate is not a number', 'zh-CN': '{where}有坐标不是数字' },
  notPolygon: { en: '{where}geometry must be a Polygon or MultiPolygon', 'zh-CN': '{where}几何类型应为多边形（Polygon 或 MultiPolygon）' },
  unknownSchool: { en: '{where}school_id "{id}" is not in the schools file', 'zh-CN': '{where}学校文件中没有学校代码 "{id}"' },
  privateZone: { en: '{where}{school} is private and has no zone', 'zh-CN': '{where}{school} 是民办学校，不划片' },
  wrongLevel: { en: '{where}{school} ({value}) does not teach {level} grades', 'zh-CN': '{where}{school}（{value}）不招收 {level} 学生' },
  missingColumns: { en: 'missing required column(s) {columns} (found: {found})', 'zh-CN': '缺少必需的列 {columns}（现有列：{found}）' },
  idFromIdCard: { en: 'no 学籍号 (a new entrant): the pupil is named by the "{got}" column instead', 'zh-CN': '无学籍号（新生）：以“{got}”列代替学籍号' },
  emptyId: { en: 'id is empty', 'zh-CN': '学籍号为空' },
  placeholderId: { en: 'id "{id}" is a placeholder, not an id (the pupil has none yet): the row is not loaded, and rows with the same placeholder are not taken for one pupil; give each pupil their id', 'zh-CN': '学籍号 "{id}" 是占位内容而非学籍号（该学生尚无学籍号）：此行未载入，填写相同占位内容的各行也不视为同一学生；请填写每名学生的学籍号' },
  badGrade: { en: 'grade "{got}" is not a whole number from 1 to {max}', 'zh-CN': '年级 "{got}" 不是 1 到 {max} 的整数' },
  badLon: { en: 'lon "{got}" is not a longitude in degrees', 'zh-CN': '经度 "{got}" 无效' },
  badLat: { en: 'lat "{got}" is not a latitude in degrees', 'zh-CN': '纬度 "{got}" 无效' },
  gradeNotTaught: { en: 'grade {got} is not taught at {school} (school_id "{id}")', 'zh-CN': '{school}（学校代码 "{id}"）不开设 {got} 年级' },
  sheetNotRead: { en: 'only one worksheet of the workbook is read ("{value}", whose columns fit best); this one has {n} rows: put its rows in that sheet, or give it as a file of its own', 'zh-CN': '工作簿只读取一个工作表（“{value}”，其列最合用），此表有 {n} 行：请把它的行并入该工作表，或另存为单独的文件' },
  zonePointSkipped: { en: 'feature {n}{value} is a point (a pin or a label), not an area: not read as a zone', 'zh-CN': '第 {n} 个要素{value}是一个点（标注或名称），不是区域：未作为片区读取' },
  zoneEmptySkipped: { en: 'feature {n}{value} holds no geometry: not read as a zone', 'zh-CN': '第 {n} 个要素{value}没有几何图形：未作为片区读取' },
  repeatedColumnUnread: { en: 'the header has "{got}" more than once and the mapping takes {key} from its first copy: this copy is not read; name it in the mapping to read it instead', 'zh-CN': '表头中“{got}”出现多次，映射从第一列读取 {key}：此列未读取；如需读取此列，请在映射中指定它' },
  sheetUnrelated: { en: 'a worksheet with none of the columns of "{value}" (notes, a summary …): not read ({n} rows)', 'zh-CN': '与“{value}”的列无关的工作表（填表说明、汇总等）：未读取（{n} 行）' },
  kmlFolderOlderYear: { en: 'a folder whose name states an earlier year than "{value}": last year\'s zones, not read ({n} placemarks); rename it to have it read', 'zh-CN': '名称写明的年份早于“{value}”的文件夹：视为往年片区，未读取（{n} 个地标）；如需读取请改名' },
  sheetHidden: { en: 'a hidden worksheet with the same columns as "{value}": not read ({n} rows), since hidden rows are often stale; unhide it to have it read', 'zh-CN': '隐藏的工作表，列与“{value}”相同：未读取（{n} 行），隐藏的表常是旧数据；如需读取请取消隐藏' },
  sheetOlderYear: { en: 'a worksheet with the same columns as "{value}" whose name states an earlier school year: last year\'s list, not read ({n} rows); rename it to have it read', 'zh-CN': '与“{value}”列相同的工作表，其名称写明的学年早于“{value}”：视为往年名单，未读取（{n} 行）；如需读取请改名' },
  sheetNotCurrent: { en: 'a worksheet with the same columns as "{value}" whose name says its pupils have left or are set aside (转出, 毕业, 删除 …): not read ({n} rows); rename it to have it read', 'zh-CN': '与“{value}”列相同的工作表，其名称表明其中学生已转出、毕业或已删除：未读取（{n} 行）；如需读取请改名' },
  countyAreasLeftOut: { en: 'holds none of the schools and lies outside the zones: the county outline is the file\'s other areas ({value}); {n} area(s) left out', 'zh-CN': '不含任何学校，也不在招生片区内：县界只取文件中的其他区域（{value}）；共略去 {n} 处' },
  noPupilRows: { en: 'the file has a header but no pupil rows', 'zh-CN': '文件只有表头，没有学生行' },
  zeroLonLat: { en: 'lon 0, lat 0: the position was left unfilled', 'zh-CN': '经纬度为 0,0：位置未填写' },
  unknownSchoolId: { en: 'school_id "{id}" is not in the schools file; zoned as usual', 'zh-CN': '学校文件中没有学校代码 "{id}"，按片区分配' },
  notScenario: { en: 'expected a JSON object with "version", "name" and "edits"', 'zh-CN': '应为含 "version"、"name" 和 "edits" 的 JSON 对象' },
  badVersion: { en: 'unsupported scenario version {got} (this build reads versions 1 to {version})', 'zh-CN': '不支持的方案版本 {got}（本程序可读取版本 1 至 {version}）' },
  noVersion: { en: 'no "version" (this build reads versions 1 to {version})', 'zh-CN': '缺少 "version"（本程序可读取版本 1 至 {version}）' },
  unknownKey: { en: 'unknown key "{key}" (did you mean "{found}"?)', 'zh-CN': '未知的键 "{key}"（是否应为 "{found}"？）' },
  unknownKeyIn: { en: 'unknown key "{key}" in {value} (did you mean "{found}"?)', 'zh-CN': '{value} 中有未知的键 "{key}"（是否应为 "{found}"？）' },
  editsNotList: { en: '"edits" must be a list', 'zh-CN': '"edits" 应为列表' },
  editNotObject: { en: 'edit {n}: expected an object with an "op"', 'zh-CN': '第 {n} 处修改：应为含 "op" 的对象' },
  badProfile: { en: 'the standards profile: {detail}', 'zh-CN': '达标标准设置有误：{detail}' },
  badNumberCell: { en: 'line {n}: "{key}" must be a number ≥ {min}, got "{got}"', 'zh-CN': '第 {n} 行："{key}" 应为不小于 {min} 的数，实际为 "{got}"' },
  badIntegerCell: { en: 'line {n}: "{key}" must be a whole number ≥ {min}, got "{got}"', 'zh-CN': '第 {n} 行："{key}" 应为不小于 {min} 的整数，实际为 "{got}"' },
  emptyCell: { en: 'line {n}: "{key}" is empty', 'zh-CN': '第 {n} 行："{key}" 为空' },
  badPlace: { en: 'line {n}: {got} is not a longitude/latitude in degrees', 'zh-CN': '第 {n} 行：经纬度 {got} 无效' },
  unknownUnit: { en: 'line {n}: unit_id "{id}" is not a unit of the dataset', 'zh-CN': '第 {n} 行：数据集中没有小区/村 unit_id "{id}"' },
  duplicateRow: { en: 'line {n}: "{id}" {value} is given twice', 'zh-CN': '第 {n} 行："{id}" {value} 重复' },
  housingNoPlace: { en: 'line {n}: estate "{id}" needs lon and lat, or a unit_id with a place in units.geojson', 'zh-CN': '第 {n} 行：楼盘 "{id}" 需要经纬度，或 units.geojson 中有位置的 unit_id' },
  // intake_plan.csv and history.csv (学位预警 and its back-test)
  planUnknownSchool: { en: 'line {n}: school_id "{id}" is not in the schools file', 'zh-CN': '第 {n} 行：学校文件中没有 school_id "{id}"' },
  planNotEntryGrade: { en: 'line {n}: grade {got} is not an entry grade ({value}) of school "{id}"', 'zh-CN': '第 {n} 行：{got} 年级不是学校 "{id}" 的起始年级（{value}）' },
  planNoPlaces: { en: 'line {n}: give "places" or "classes"', 'zh-CN': '第 {n} 行：请填写 "places"（学位数）或 "classes"（班数）' },
  historyBadGrade: { en: 'line {n}: school "{id}" does not teach grade {got}', 'zh-CN': '第 {n} 行：学校 "{id}" 没有 {got} 年级' },
  historyNotPast: { en: 'line {n}: year {got} is not before the base year {year}', 'zh-CN': '第 {n} 行：年份 {got} 不早于基准年 {year}' },
  ruleNotObject: { en: '"{value}" must be a list of objects', 'zh-CN': '"{value}" 应为对象列表' },
  ruleBadField: { en: 'rule {n} ({value}): "{key}" is invalid, got {got}', 'zh-CN': '第 {n} 条规则（{value}）："{key}" 无效，实际为 {got}' },
  ruleUnknownKey: { en: 'rule {n} ({value}): unknown key "{key}" (did you mean "{found}"?)', 'zh-CN': '第 {n} 条规则（{value}）：未知的键 "{key}"（是否应为 "{found}"？）' },
  ruleUnknownSchool: { en: 'rule {n} ({value}): school "{id}" is not in the dataset', 'zh-CN': '第 {n} 条规则（{value}）：数据集中没有学校 "{id}"' },
  ruleNotPrivate: { en: 'rule {n} (privateShares): "{id}" is not a private school teaching {level} grades', 'zh-CN': '第 {n} 条规则（民办分流比例）："{id}" 不是招收{level}学生的民办学校' },
  badEdit: { en: 'edit {n} ({value}): {detail}', 'zh-CN': '第 {n} 处修改（{value}）：{detail}' },
  declaredProjectionUnknown: { en: 'the file declares its coordinates in EPSG:{n}, a projected system not read here: save it in longitude/latitude (EPSG:4326 or 4490), or as a Shapefile with its .prj', 'zh-CN': '文件声明坐标系为 EPSG:{n}（投影坐标），暂不支持：请另存为经纬度（EPSG:4326 或 4490），或带 .prj 文件的 Shapefile' },
  unknownFormat: { en: 'cannot read a "{got}" file (expected {value})', 'zh-CN': '无法读取 "{got}" 格式的文件（支持 {value}）' },
  corruptXlsx: { en: 'not a readable Excel workbook ({detail})', 'zh-CN': '不是可读取的 Excel 工作簿（{detail}）' },
  encryptedWorkbook: { en: 'the workbook is password-protected: open it in Excel or WPS, remove the password and save it again', 'zh-CN': '工作簿设置了打开密码：请在 Excel 或 WPS 中打开，取消密码后重新保存' },
  corruptZip: { en: 'not a readable zip archive ({detail})', 'zh-CN': '不是可读取的 zip 压缩包（{detail}）' },
  zipWithoutShp: { en: 'the zip holds no Shapefile (.shp)', 'zh-CN': 'zip 压缩包里没有 Shapefile（.shp 文件）' },
  zipWithoutDbf: { en: 'the Shapefile {value} has no attribute table (.dbf)', 'zh-CN': 'Shapefile {value} 缺少属性表（.dbf 文件）' },
  severalShapefiles: { en: 'the zip holds several Shapefiles ({found}); zip one per file', 'zh-CN': 'zip 压缩包里有多个 Shapefile（{found}），每个压缩包只能放一个' },
  shpHeaderDamaged: { en: 'the geometry file {value} is damaged: its header is not a Shapefile header', 'zh-CN': '几何文件 {value} 已损坏：文件头不是 Shapefile 文件头' },
  shpTruncated: { en: 'the geometry file {value} is damaged: its header gives a length of {n} bytes, the file has {max}', 'zh-CN': '几何文件 {value} 已损坏：文件头记载长度为 {n} 字节，文件实有 {max} 字节' },
  shpRecordDamaged: { en: 'the geometry file {value} is damaged at shape {n} (byte {at}): the record\'s length does not fit in the file', 'zh-CN': '几何文件 {value} 在第 {n} 个图形（第 {at} 字节）处已损坏：记录长度与文件不符' },
  shpShapeDamaged: { en: 'the geometry file {value} is damaged at shape {n} (byte {at}): its shape type, part or point counts do not fit its record', 'zh-CN': '几何文件 {value} 在第 {n} 个图形（第 {at} 字节）处已损坏：图形类型、部分数或点数与记录不符' },
  dbfDamaged: { en: 'the attribute table {value} is damaged: its header (field list or record length) is broken', 'zh-CN': '属性表 {value} 已损坏：文件头（字段列表或记录长度）有误' },
  dbfRecordsPastEnd: { en: 'the attribute table {value} is damaged: its header counts {n} records, the file holds at most {max}', 'zh-CN': '属性表 {value} 已损坏：文件头记载 {n} 条记录，文件实际最多容纳 {max} 条' },
  dbfUndecodable: { en: 'record {n} of the attribute table {value} holds bytes that are not {got} text: the file is damaged, or its .cpg names the wrong encoding', 'zh-CN': '属性表 {value} 第 {n} 条记录含有无法按 {got} 解码的字节：文件已损坏，或 .cpg 所写编码有误' },
  shapefileCountsDiffer: { en: 'the geometry file {value} has {n} shapes, but its attribute table {got} has {max} records', 'zh-CN': '几何文件 {value} 有 {n} 个图形，但属性表 {got} 有 {max} 条记录' },
  badShapefile: { en: 'the Shapefile cannot be read ({detail})', 'zh-CN': 'Shapefile 无法读取（{detail}）' },
  notDegrees: { en: '{where}coordinates are not longitude/latitude degrees (projected coordinates need a .prj file that names their projection)', 'zh-CN': '{where}坐标不是经纬度（投影坐标需要附带说明投影的 .prj 文件）' },
  badKml: { en: 'not valid KML ({detail})', 'zh-CN': '不是有效的 KML（{detail}）' },
  noKmlInKmz: { en: 'a KMZ file that holds no .kml file', 'zh-CN': '该 KMZ 文件中没有 .kml 文件' },
  unknownKind: { en: 'cannot tell whether the file holds schools, zones or pupils (put 学校/school, 片区/zone or 学生/student in its name)', 'zh-CN': '无法判断文件里是学校、片区还是学生（请在文件名中写明“学校”“片区”或“学生”）' },
  sameKind: { en: 'gives {value} like {got}: one file of each', 'zh-CN': '与 {got} 同样提供 {value}，每种数据只能有一个文件' },
  wrongFormat: { en: '{value} cannot be read from a {got} file', 'zh-CN': '{value} 不能从 {got} 文件读取' },
  addressUnmatched: { en: 'no coordinates, and the address "{got}" names none of the compounds and villages loaded; nearest: {value}', 'zh-CN': '没有经纬度，地址 "{got}" 未匹配到已载入的小区或村；最接近的：{value}' },
  addressUnlike: { en: 'no coordinates, and the address "{got}" names none of the compounds and villages loaded, nor is like any of them', 'zh-CN': '没有经纬度，地址 "{got}" 未匹配到已载入的小区或村，也没有相近的名称' },
  coarseCoordinates: { en: 'coordinates "{got}, {value}" have at most {n} decimals (a kilometre or so): near a boundary the pupil may be counted in the wrong zone; give them in full', 'zh-CN': '经纬度 "{got}, {value}" 最多只有 {n} 位小数（约一公里）：靠近片区边界的学生可能计入错误的片区；请提供完整的经纬度' },
  addressUnitUnplaced: { en: 'no coordinates, and the address "{got}" names {value}, a compound or village not loaded itself (its row has no usable position): give that row its coordinates', 'zh-CN': '没有经纬度，地址 "{got}" 所指的 {value} 本身未载入（该行没有可用的经纬度）：请补全该行的经纬度' },
  addressAmbiguous: { en: 'no coordinates, and the address "{got}" fits several compounds or villages: {value}', 'zh-CN': '没有经纬度，地址 "{got}" 可能是多个小区或村：{value}' },
  addressNoUnits: { en: 'no coordinates, and no compounds and villages were loaded to place the address "{got}" by', 'zh-CN': '没有经纬度，也没有载入小区和村，无法按地址 "{got}" 定位' },
  unknownCrs: { en: 'unknown coordinate system "{got}" (expected wgs84, gcj02 or bd09)', 'zh-CN': '未知的坐标系 "{got}"（应为 wgs84、gcj02 或 bd09）' },
  noteRowSkipped: { en: 'note row skipped ("{got}")', 'zh-CN': '说明行，已跳过（"{got}"）' },
  offRollSkipped: { en: 'not on the roll (学籍状态 "{got}"): skipped', 'zh-CN': '已不在籍（学籍状态“{got}”）：已跳过' },
  onLeaveCounted: { en: 'on leave (学籍状态 "{got}"): counted at the school, whose seat may stand empty this year', 'zh-CN': '休学（学籍状态“{got}”）：仍计入学校人数，本学年其座位可能空着' },
  totalRowSkipped: { en: 'total row skipped ("{got}")', 'zh-CN': '合计行，已跳过（"{got}"）' },
  headerRowSkipped: { en: 'a copy of the header row skipped (not data)', 'zh-CN': '重复的表头行，已跳过（不是数据）' },
  numberingRowSkipped: { en: 'a row numbering the columns (栏次: 甲 乙 丙 1 2 3), not a row of data: skipped', 'zh-CN': '栏次行（甲 乙 丙 1 2 3），不是数据行：已跳过' },
  sumRowSkipped: { en: 'total row skipped (no id, and its numbers sum the rows above)', 'zh-CN': '合计行，已跳过（没有编号，数值为上方各行之和）' },
  cohortOutOfRange: { en: 'grade "{got}" is grade {n} in the autumn term of {year}, outside grades {min} to {max}', 'zh-CN': '年级 "{got}" 在 {year} 年秋季学期为 {n} 年级，不在 {min}–{max} 年级之内' },
  cohortNoLevel: { en: 'grade "{got}" is a cohort, but neither the row\'s 学段, the file nor the school says whether it counts from grade 1 (primary) or 7 (junior); map a 学段 column or set the file\'s level in the mapping step', 'zh-CN': '年级 "{got}" 按入学或毕业年份书写，但本行学段、文件和学校都未说明从一年级（小学）还是七年级（初中）算起；请在映射步骤中指定学段列或设置文件的学段' },
  gradeLevelConflict: { en: 'grade "{got}" is not one of grades {min} to {max}, those of the row\'s 学段 "{value}"', 'zh-CN': '年级 "{got}" 不在本行学段 "{value}" 的 {min}–{max} 年级之内' },
  levelUnread: { en: '学段 "{got}" is neither 小学 nor 初中; the grade was read on its own', 'zh-CN': '学段 "{got}" 既不是小学也不是初中；年级按其本身读取' },
  duplicatePupilId: { en: 'id "{id}" is also on line {n}, which is loaded; this row is not', 'zh-CN': '学籍号 "{id}" 与第 {n} 行重复，第 {n} 行已载入，此行未载入' },
  rejectedPupilLoaded: { en: 'this row is not loaded, but the same id "{id}" is loaded from line {n} of {value}: that pupil is counted', 'zh-CN': '此行未载入，但同一学籍号 "{id}" 已从 {value} 第 {n} 行载入：该学生已计入' },
  duplicatePupilIdIn: { en: 'id "{id}" is also on line {n} of {value}, which is loaded; this row is not', 'zh-CN': '学籍号 "{id}" 与 {value} 第 {n} 行重复，该行已载入，此行未载入' },
  duplicatePupilIdRounded: { en: 'id "{id}" is also on line {n}, which is loaded, at the same home and grade; this row is not. Its digits after the 15th are all 0, as Excel leaves an 18-digit number it rounded: export the ids as text to tell such pupils apart', 'zh-CN': '学籍号 "{id}" 与第 {n} 行相同且住址和年级相同，该行已载入，此行未载入。其第 15 位之后全是 0，像是 Excel 把 18 位数字舍入后留下的：请把学籍号按文本导出，以区分这类学生' },
  duplicatePupilIdRoundedIn: { en: 'id "{id}" is also on line {n} of {value}, which is loaded, at the same home and grade; this row is not. Its digits after the 15th are all 0, as Excel leaves an 18-digit number it rounded: export the ids as text to tell such pupils apart', 'zh-CN': '学籍号 "{id}" 与 {value} 第 {n} 行相同且住址和年级相同，该行已载入，此行未载入。其第 15 位之后全是 0，像是 Excel 把 18 位数字舍入后留下的：请把学籍号按文本导出，以区分这类学生' },
  duplicatePupilIdExcel: { en: 'id "{id}" and id "{got}" on line {n}, which is loaded, are one id as Excel leaves an 18-digit number it rounds to 15 digits, at the same home and grade: the same pupil, not loaded twice; export the ids as text', 'zh-CN': '学籍号 "{id}" 与第 {n} 行（已载入）的 学籍号 "{got}" 在 Excel 把 18 位数字舍入到 15 位后相同，且住址和年级相同：是同一名学生，此行未载入；请把学籍号按文本导出' },
  duplicatePupilIdExcelIn: { en: 'id "{id}" and id "{got}" on line {n} of {value}, which is loaded, are one id as Excel leaves an 18-digit number it rounds to 15 digits, at the same home and grade: the same pupil, not loaded twice; export the ids as text', 'zh-CN': '学籍号 "{id}" 与 {value} 第 {n} 行（已载入）的 学籍号 "{got}" 在 Excel 把 18 位数字舍入到 15 位后相同，且住址和年级相同：是同一名学生，此行未载入；请把学籍号按文本导出' },
  pupilIdRounded: { en: 'id "{id}" is also on line {n}, at another home, grade or name: its digits after the 15th are all 0, as Excel leaves an 18-digit number it rounded, so it is taken for another pupil; export the ids as text', 'zh-CN': '学籍号 "{id}" 与第 {n} 行相同，但住址、年级或姓名不同：其第 15 位之后全是 0，像是 Excel 把 18 位数字舍入后留下的，故按另一名学生计；请把学籍号按文本导出' },
  pupilIdRoundedIn: { en: 'id "{id}" is also on line {n} of {value}, at another home, grade or name: its digits after the 15th are all 0, as Excel leaves an 18-digit number it rounded, so it is taken for another pupil; export the ids as text', 'zh-CN': '学籍号 "{id}" 与 {value} 第 {n} 行相同，但住址、年级或姓名不同：其第 15 位之后全是 0，像是 Excel 把 18 位数字舍入后留下的，故按另一名学生计；请把学籍号按文本导出' },
  idScientific: { en: 'id "{id}" is in scientific notation, as Excel writes a long number: its digits are lost; export the ids as text', 'zh-CN': '学籍号 "{id}" 是科学计数法，Excel 这样显示长数字时已丢失其中的数字；请把学籍号按文本导出' },
  schoolNameUnknown: { en: 'school name "{got}" is not in the schools file; zoned as usual (a former name can be listed in the schools file\'s 曾用名 column)', 'zh-CN': '学校文件中没有学校名称 "{got}"，按片区分配（学校的曾用名可填在学校文件的“曾用名”列）' },
  schoolNameAmbiguous: { en: 'school name "{got}" fits several schools ({value}); not guessed, zoned as usual', 'zh-CN': '学校名称 "{got}" 可对应多所学校（{value}），未作猜测，按片区分配' },
  schoolIdUnknownNamed: { en: 'school_id "{id}" is not in the schools file, but the school name "{got}" is {value}; that school used', 'zh-CN': '学校文件中没有学校代码 "{id}"，但学校名称 "{got}" 是 {value}；按该校计' },
  schoolNameShortened: { en: 'school name "{got}" is not in the schools file as written; the two names differ only by a remark after one of them, as in （民办） or （东校区）: it is {value}, that school used', 'zh-CN': '学校文件中没有与 "{got}" 完全相同的学校名称；两者只差名称后的附注（如“（民办）”“（东校区）”）：即 {value}，按该校计' },
  schoolBlankBelowPrivate: { en: 'no school, below rows of the private school {got}: if the school column\'s cells were merged and then split, only the first row of each school keeps its name; zoned as usual (fill the column down if these pupils attend {got})', 'zh-CN': '没有学校，而上方为民办学校{got}的学生：若学校列原是合并单元格，拆开后只有每校首行保留校名；按片区分配（若这些学生就读于{got}，请向下填充该列）' },
  schoolNameMismatch: { en: 'school_id "{id}" is {school}, but the school name is "{got}"{value}; school_id used', 'zh-CN': '学校代码 "{id}" 是{school}，但学校名称为 "{got}"{value}；按学校代码计' },
  // GIS files, compounds and villages, county outline, mapping files
  mappedColumnNotFound: { en: 'the mapping gives "{key}" the column "{value}", which the file does not have (found: {found})', 'zh-CN': '映射为 "{key}" 指定的列 "{value}" 不在文件中（现有列：{found}）' },
  zoneSchoolNotFound: { en: '{where}{got} names no school of the schools file', 'zh-CN': '{where}{got} 在学校文件中找不到对应的学校' },
  zoneSchoolAmbiguous: { en: '{where}{got} fits several schools: {value}; give the zone a school code', 'zh-CN': '{where}{got} 可对应多所学校：{value}；请为该片区填写学校代码' },
  unitNoName: { en: 'neither a name nor an id', 'zh-CN': '既没有名称也没有编号' },
  unitIdRepeated: { en: 'id "{id}" is also on line {n}', 'zh-CN': '编号 "{id}" 与第 {n} 行重复' },
  notGeoJson: { en: 'expected GeoJSON: a FeatureCollection, a list of Features or a Feature', 'zh-CN': '应为 GeoJSON：FeatureCollection、Feature 列表或单个 Feature' },
  notFeature: { en: 'item {n} of the list is not a GeoJSON Feature', 'zh-CN': '列表第 {n} 项不是 GeoJSON Feature' },
  noOutline: { en: 'no Polygon or MultiPolygon to use as the county outline', 'zh-CN': '没有可作县域边界的多边形（Polygon 或 MultiPolygon）' },
  badOutline: { en: 'the outline cannot be used ({detail})', 'zh-CN': '边界无法使用（{detail}）' },
  mappingUnknownKey: { en: 'unknown key "{key}" in {value} (known: {found})', 'zh-CN': '{value} 中有未知的键 "{key}"（可用：{found}）' },
  mappingBadValue: { en: '{value} must be {found}, got {got}', 'zh-CN': '{value} 应为 {found}，实际为 {got}' },
  // Hostile or broken tables and archives: binary data, broken quotes, repeated columns, size budgets, faults of the reader
  undecodableText: { en: 'line {n} holds bytes that are not text in UTF-8 or GBK: the file is damaged or not a text file', 'zh-CN': '第 {n} 行含有无法按 UTF-8 或 GBK 解码的字节：文件已损坏或不是文本文件' },
  undecodableRow: { en: 'the row holds bytes that are not text in UTF-8 or GBK (the file is damaged here); the row is not loaded', 'zh-CN': '此行含有无法按 UTF-8 或 GBK 解码的字节（文件此处已损坏），此行未载入' },
  notTextTable: { en: 'not a text table: the file holds binary data; save it as CSV (UTF-8 or GBK) or XLSX', 'zh-CN': '不是文本表格：文件含二进制数据，请另存为 CSV（UTF-8 或 GBK）或 XLSX' },
  unclosedQuote: { en: 'a quoted value opens on this line and does not close properly; the row is not loaded and reading goes on at the next line', 'zh-CN': '此行的引号未正确闭合，此行未载入，从下一行继续读取' },
  unclosedQuoteStop: { en: 'line {n}: a quoted value opens here and does not close properly', 'zh-CN': '第 {n} 行：引号未正确闭合' },
  tooManyUnclosedQuotes: { en: 'more than {max} rows have quotes that do not close properly (the first on line {n}); check how the file was saved', 'zh-CN': '超过 {max} 行的引号未正确闭合（第一处在第 {n} 行），请检查文件的保存方式' },
  repeatedColumn: { en: 'the column "{got}" appears {n} times in the header; say in the mapping which one gives "{key}" ({value})', 'zh-CN': '表头中列 "{got}" 出现了 {n} 次；请在映射中指定 "{key}" 使用哪一列（{value}）' },
  rowCountMismatch: { en: 'the rows do not add up: {n} read, {max} loaded or rejected; nothing is loaded (a fault of this program: please report it)', 'zh-CN': '行数对不上：读取 {n} 行，载入与拒绝合计 {max} 行；未载入任何数据（这是程序的错误，请报告）' },
  archiveTooLarge: { en: 'unpacks to more than {max} MB, more than this program reads from such a file', 'zh-CN': '解压后超过 {max} MB，超出本程序对此类文件的读取上限' },
  archiveTooManyEntries: { en: 'the archive holds {n} entries, more than {max}', 'zh-CN': '压缩包内有 {n} 个文件，超过 {max} 个' },
  readFailed: { en: 'could not be read: {detail}', 'zh-CN': '无法读取：{detail}' },
  // Hostile and broken input files: size and nesting budgets, broken geometry, swapped longitude/latitude, facility values out of range
  jsonTooDeep: { en: 'JSON nested deeper than {max} levels (line {n}); not read', 'zh-CN': 'JSON 嵌套超过 {max} 层（第 {n} 行），无法读取' },
  fileTooLarge: { en: 'the file is {got}, over the {max} MB this reader takes', 'zh-CN': '文件大小为 {got}，超过可读取的上限 {max} MB' },
  notJsonObject: { en: 'expected a JSON object such as {"name": "…", "baseYear": 2024}, got {got}', 'zh-CN': '应为 JSON 对象，例如 {"name": "…", "baseYear": 2024}，实际为 {got}' },
  noRings: { en: '{where}polygon {n} has no rings', 'zh-CN': '{where}第 {n} 个多边形没有边界环' },
  notPosition: { en: '{where}polygon {n}: a ring or position is not a list of numbers', 'zh-CN': '{where}第 {n} 个多边形：边界环或坐标不是数字列表' },
  positionNotLonLat: { en: '{where}polygon {n}: position {got} is not longitude/latitude degrees', 'zh-CN': '{where}第 {n} 个多边形：坐标 {got} 不是经纬度' },
  ringTooShort: { en: '{where}polygon {n}: a ring has {got} position(s); a ring needs at least 4 (3 corners and the first again)', 'zh-CN': '{where}第 {n} 个多边形：边界环只有 {got} 个坐标，至少需要 4 个（3 个顶点并回到起点）' },
  ringNotClosed: { en: '{where}polygon {n}: a ring is not closed (it starts at {value} and ends at {got})', 'zh-CN': '{where}第 {n} 个多边形：边界环不闭合（起点 {value}，终点 {got}）' },
  zeroArea: { en: '{where}polygon {n}: a ring encloses no area (its points lie on one line)', 'zh-CN': '{where}第 {n} 个多边形：边界环面积为零（各点在一条直线上）' },
  tooManyPositions: { en: 'the zones have {got} positions, more than the {max} this reader takes; simplify them first', 'zh-CN': '片区共有 {got} 个坐标点，超过可读取的上限 {max} 个，请先简化' },
  swappedPosition: { en: '{where}position {got} is not longitude/latitude degrees, but would be with its two numbers swapped: longitude and latitude look swapped; swap them for this file (the mapping step\'s "swap longitude/latitude", or --swap-lonlat {key})', 'zh-CN': '{where}坐标 {got} 不是经纬度，交换两数后即是：经纬度可能颠倒，请为此文件交换经纬度（映射步骤勾选“经纬度互换”，或命令行 --swap-lonlat {key}）' },
  lonLatSwappedRow: { en: 'lon "{got}", lat "{value}" are not longitude/latitude degrees, but are the other way round: read swapped', 'zh-CN': '经度 "{got}"、纬度 "{value}" 无效，二者互换后有效：按互换读取' },
  facilityOutOfRange: { en: '{where}"{key}" must be a number from 0 to {max}, got {got}', 'zh-CN': '{where}"{key}" 应为 0 到 {max} 之间的数，实际为 {got}' },
  yearOutOfRange: { en: '{where}"{key}" must be a year from {min} to {max}, got {got}', 'zh-CN': '{where}"{key}" 应为 {min} 到 {max} 之间的年份，实际为 {got}' },
  facilityNotWhole: { en: '{where}"{key}" must be a whole number from 0 to {max}, got {got}', 'zh-CN': '{where}"{key}" 应为 0 到 {max} 之间的整数，实际为 {got}' },
  pickedFileTooLarge: { en: 'the file is {got} MB, more than the {max} MB the page can read without running out of memory; leave out the columns the app does not use (names, ID numbers, notes …) or use the command line (npm run simulate)', 'zh-CN': '文件大小 {got} MB，超过页面可读取的上限 {max} MB（再大会耗尽内存）；请删去本程序不用的列（姓名、身份证号、备注等），或改用命令行（npm run simulate）' },
  pickedFilesTooLarge: { en: 'the files are {got} MB together, more than the {max} MB the page can read at once without running out of memory; leave out the columns the app does not use (names, ID numbers, notes …) or use the command line (npm run simulate)', 'zh-CN': '所选文件合计 {got} MB，超过页面一次可读取的上限 {max} MB（再大会耗尽内存）；请删去本程序不用的列（姓名、身份证号、备注等），或改用命令行（npm run simulate）' },
  // Roads and barriers (roads.geojson, barriers.geojson)
  notLine: { en: '{where}geometry must be a LineString or MultiLineString{value}', 'zh-CN': '{where}几何类型应为线（LineString 或 MultiLineString）{value}' },
  linePositionNotLonLat: { en: '{where}line {n}: position {got} is not longitude/latitude degrees', 'zh-CN': '{where}第 {n} 条线：坐标 {got} 不是经纬度' },
  lineTooShort: { en: '{where}line {n} has {got} position(s); a line needs at least 2', 'zh-CN': '{where}第 {n} 条线只有 {got} 个坐标，至少需要 2 个' },
  badRoadClass: { en: '{where}"class" must be one of {value}, got {got}', 'zh-CN': '{where}"class"（道路等级）应为 {value} 之一，实际为 {got}' },
  badBarrierKind: { en: '{where}"kind" must be one of {value}, got {got}', 'zh-CN': '{where}"kind"（障碍类型）应为 {value} 之一，实际为 {got}' },
} as const satisfies Record<string, Record<MessageLanguage, string>>;

export type DataProblemCode = keyof typeof DATA_PROBLEMS;

/**
 * Values that fill a data problem's placeholders; `where` names a feature of a GeoJSON file, or —
 * with `row` — the row (CSV: line) of the table the feature was made from, and its sheet (XLSX).
 */
export interface DataProblemParams {
  where?: { feature: number; idKey: 'id' | 'school_id'; id?: string; row?: number; sheet?: string };
  key?: string;
  got?: string;
  id?: string;
  value?: string;
  school?: string;
  level?: string;
  columns?: string;
  found?: string;
  detail?: string;
  max?: number;
  min?: number;
  year?: number;
  version?: number;
  n?: number;
  /** A byte offset in a file. */
  at?: number;
}

/** A problem as data, to show in either language. */
export interface DataProblem {
  code: DataProblemCode;
  params: DataProblemParams;
}

function whereText(w: NonNullable<DataProblemParams['where']>, lang: MessageLanguage): string {
  const id = w.id === undefined ? '' : lang === 'en' ? ` (${w.idKey} "${w.id}")` : `（${w.idKey} "${w.id}"）`;
  if (w.row !== undefined) {
    if (lang === 'en') return `${w.sheet === undefined ? 'line' : `sheet "${w.sheet}" row`} ${w.row}${id}: `;
    return `${w.sheet === undefined ? '' : `工作表 "${w.sheet}" `}第 ${w.row} 行${id}：`;
  }
  return lang === 'en' ? `feature ${w.feature}${id}: ` : `第 ${w.feature} 个要素${id}：`;
}

/** The message of a data problem in a language. */
export function describeDataProblem(code: DataProblemCode, params: DataProblemParams, lang: MessageLanguage): string {
  return fillTemplate(DATA_PROBLEMS[code][lang], (key) =>
    key === 'where' ? (params.where ? whereText(params.where, lang) : '') : params[key as Exclude<keyof DataProblemParams, 'where'>],
  lang);
}
