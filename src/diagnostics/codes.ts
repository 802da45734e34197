// The catalogue of diagnostic codes: stable ids, default severity, and zh/en message and hint
// templates ({name} is a parameter). A missing translation is a type error. Every code has a
// fixture under tests/fixtures/invalid/<CODE>/ and a golden output.

export const CODES = {
  // Files and encodings
  MJ001: 'error', // no dataset found
  MJ002: 'error', // required file missing
  MJ003: 'error', // file could not be read
  MJ004: 'error', // binary file
  MJ005: 'warning', // read as GB18030
  MJ006: 'error', // cannot be decoded
  MJ007: 'error', // file too large
  MJ008: 'error', // path outside the dataset
  MJ009: 'error', // empty file
  MJ010: 'error', // two files for one thing
  MJ011: 'warning', // header but no records
  MJ012: 'warning', // lines end in CR alone (old Mac)
  MJ014: 'error', // the roster holds no member
  MJ015: 'error', // workbook protected by a password
  MJ016: 'error', // old .xls workbook
  MJ017: 'error', // not a valid XLSX workbook
  MJ018: 'error', // zip bomb
  MJ019: 'error', // no sheet of that name
  MJ020: 'error', // the sheet is not a table
  MJ021: 'error', // the sheet reaches Excel's last row
  // Syntax
  MJ101: 'error', // unclosed quote
  MJ102: 'error', // text after a closing quote
  MJ103: 'error', // ragged row
  MJ104: 'warning', // unknown column
  MJ105: 'error', // missing required column
  MJ106: 'error', // duplicate column
  MJ107: 'error', // record too long
  MJ110: 'error', // YAML syntax
  MJ111: 'error', // duplicate YAML key
  MJ112: 'error', // YAML limits
  MJ113: 'error', // wrong shape
  MJ120: 'error', // unknown key in a settings or rubric file
  MJ121: 'error', // wrong type
  MJ130: 'warning', // header ends in empty columns
  MJ131: 'error', // YAML indented with tabs
  MJ132: 'error', // YAML key with a full-width colon
  // Field values
  MJ201: 'error', // required value empty
  MJ202: 'error', // invalid date
  MJ203: 'error', // value not in the list
  MJ204: 'error', // invalid id
  MJ205: 'error', // Excel scientific notation
  MJ206: 'error', // damaged YYYY.M month
  MJ207: 'error', // invalid number
  MJ208: 'error', // date outside the file's year
  MJ209: 'error', // left date missing for a member who left
  MJ210: 'error', // left date on a member still 在册
  MJ211: 'error', // left before joined
  MJ212: 'error', // dissolved before established
  MJ213: 'error', // birth after joining, or before 1900
  MJ214: 'error', // control character in a value
  MJ215: 'warning', // a member or an outcome listed twice on one record
  MJ220: 'error', // list items separated by 、 , ， or spaces
  MJ221: 'warning', // XLSX ids stored as numbers, zeros shown by a 0000 format
  MJ222: 'error', // XLSX ids stored as numbers that lost their leading zeros
  MJ223: 'error', // formula without a cached value
  MJ224: 'error', // Excel error value
  MJ230: 'error', // a span ends before it starts
  MJ231: 'error', // 整改 done without a date
  MJ232: 'error', // a date done on a measure still open
  MJ233: 'error', // a reason for leaving the pool without the day
  // References across records and files
  MJ301: 'error', // duplicate id
  MJ302: 'error', // unknown org
  MJ303: 'error', // unknown member
  MJ304: 'error', // member attached to an org that is not a 支部
  MJ305: 'error', // org cycle
  MJ306: 'error', // not exactly one root
  MJ307: 'error', // a 支部 with child orgs
  MJ308: 'error', // member not on the roster on the record's date
  MJ309: 'error', // member 在册 in a dissolved branch
  MJ310: 'warning', // record credited to an org that did not exist that day
  MJ311: 'error', // duplicate assessment row
  MJ312: 'error', // assessment of an org that is not a 支部
  MJ313: 'error', // roster ids whose leading zeros Excel dropped
  MJ320: 'error', // a member's name is ambiguous within the org
  MJ321: 'error', // no member of that name in the org
  MJ322: 'error', // no org of that id or full name
  MJ330: 'error', // a transfer to the branch it comes from
  MJ331: 'error', // two transfers of one member on one day
  MJ332: 'error', // a transfer outside the member's days on the roster
  MJ333: 'error', // a transfer from a branch the member was not in
  MJ334: 'error', // the last transfer and the roster disagree
  MJ335: 'error', // a transfer into a branch that did not exist that day
  MJ336: 'error', // pool spans of one member overlap
  MJ337: 'warning', // entered the pool while not on the roster
  MJ338: 'warning', // the roster's 后备干部 column disagrees with the pool
  MJ339: 'warning', // a liaison assigned twice over the same days
  MJ340: 'error', // an inspection of a branch
  MJ341: 'error', // a finding of an unknown inspection
  MJ342: 'error', // one finding, rows with different categories
  MJ343: 'warning', // a deadline before the inspection began
  MJ344: 'error', // a 领导班子 seat in a branch
  MJ345: 'warning', // a review of someone with no seat that year
  MJ346: 'error', // two reviews of one kind for one leader
  // Rubrics and assessments
  MJ401: 'error', // assessment names an item that is not a manual item
  MJ402: 'error', // manual points outside the item's bounds
  MJ403: 'error', // assessments without a rubric for the year
  MJ404: 'error', // grades out of order
  MJ405: 'error', // duplicate rubric item id
  MJ406: 'error', // item form incomplete (measure needs …)
  MJ407: 'error', // veto names an unknown item
  MJ408: 'warning', // manual item with no assessments row
  MJ409: 'warning', // rubric title names another year
  MJ410: 'error', // quota outside 0–1
  MJ411: 'error', // a rubric number below 0 (or full marks not above 0)
  MJ412: 'error', // a rubric names an item or requirement that does not exist (caps, grades.requires, vetoes)
  MJ413: 'error', // an assessment value the item's values do not list
  MJ414: 'error', // two items (or requirements) of a sheet share a name, or one takes a fixed column's name
  MJ415: 'error', // two tiers of an item at one threshold
  MJ416: 'error', // an assessment row gives what its item does not take (panel points on a computed item, a member on a branch item)
  MJ417: 'error', // a member sheet's row names a member of another branch
  MJ418: 'warning', // measure: earlier, but that year has no rubric (the item measures 0)
  MJ419: 'error', // measure: earlier names a sheet or item that year's rubric lacks
  // mj import
  MJ601: 'error', // the sheet lacks a required column
  MJ602: 'warning', // a column of the sheet maps to no field
  MJ603: 'error', // the mapping file names a field that does not exist
  MJ604: 'error', // an org outside --org
  MJ605: 'error', // a date without a year, and no --year
  MJ606: 'error', // the dataset keeps that kind in a file mj import does not write
  MJ607: 'error', // the same record twice in the sheets imported
  // Practices
  MJ701: 'warning', // no 新会员培训班 in a year that asks for one
  // Closed years (mj close)
  MJ801: 'error', // a closed year's file changed
  MJ802: 'error', // a closed year's file is gone
  MJ803: 'error', // a closed year has an input file it did not have when closed
  MJ804: 'error', // a lock file (closed/YEAR.yaml) that does not say what mj close writes
} as const;

export type Code = keyof typeof CODES;

type Catalogue = Record<Code, string>;

export const MESSAGES_ZH = {
  MJ001: '找不到数据集：{where}',
  MJ002: '缺少{what}文件 {path}{also}',
  MJ003: '无法读取文件：{reason}',
  MJ004: '这是二进制文件，不是文本表格（第 {offset} 字节是 NUL）',
  MJ005: '文件不是 UTF-8 编码，已按 GB18030（中文 Excel 另存的 CSV）读取',
  MJ006: '文件无法按 {encoding} 编码读取（从这里开始无法识别）',
  MJ007: '文件有 {size}，超过上限 {limit}',
  MJ008: '路径 {path} 不在数据目录内',
  MJ009: '文件是空的',
  MJ010: '{a} 和 {b} 同时存在，不知道该读哪一个',
  MJ011: '文件只有表头，没有记录',
  MJ014: '会员名册中一名会员也没有（只有表头）：所有统计都会是 0，引用会员的记录也无法核对',
  MJ012: '文件的换行是单独的 CR（Mac 版 Excel 的“CSV（Macintosh）”格式），已按行读取',
  MJ015: '工作簿设置了打开密码（已加密），mj 无法读取',
  MJ016: '这是旧版 Excel 97-2003 工作簿（.xls），mj 只读取 .xlsx',
  MJ017: '文件不是有效的 XLSX 工作簿：{reason}',
  MJ018: '工作簿解压后有 {size}，超过上限 {limit}（压缩比约 {ratio}:1），不像是正常的表格（可能是“压缩炸弹”），没有读取',
  MJ019: '工作簿中没有名为“{sheet}”的工作表（有：{sheets}）',
  MJ020: '工作表“{sheet}”不是一张表格：{why}',
  MJ021: '工作表用到了 Excel 的最后一行（第 1,048,576 行）：数据很可能在导出或另存时被截断了，没有读取',
  MJ101: '引号没有闭合：从这里开始的引号一直没有配对，吞掉了后面的内容',
  MJ102: '右引号后面还有文字',
  MJ103: '这一行有 {found} 列，表头有 {expected} 列',
  MJ104: '未知的列“{column}”，已忽略，不会写入任何输出',
  MJ105: '缺少必填列“{column}”',
  MJ106: '列“{column}”与第 {first} 列重复（都表示 {key}）',
  MJ107: '这一条记录超过 {limit} 个字符，很可能是某个引号没有配对',
  MJ110: 'YAML 语法错误：{detail}',
  MJ111: '键“{key}”重复',
  MJ112: 'YAML 超出限制：{what}超过 {limit}',
  MJ113: '{where} 应为{expected}',
  MJ120: '未知的键“{key}”',
  MJ121: '“{key}”应为{expected}',
  MJ130: '表头末尾有 {n} 个空白列（Excel 多存了空列）；各行末尾的空白不再逐行报告',
  MJ131: '这一行用 Tab（制表符）缩进；YAML 只能用空格缩进',
  MJ132: '键“{key}”后面是全角冒号“：”；YAML 的键后面要用半角冒号“:”，冒号后加一个空格',
  MJ201: '“{label}”不能为空',
  MJ202: '“{label}”的值“{value}”不是有效日期{why}',
  MJ203: '“{label}”的值“{value}”不在可选范围内',
  MJ204: '“{label}”的值“{value}”不是有效的组织编号',
  MJ205: '“{label}”的值“{value}”像是被 Excel 改成了科学计数法，编号已经损坏',
  MJ206: '“{label}”的值“{value}”可能是被 Excel 当作数字而截掉末尾 0 的 {year}.{month}0',
  MJ207: '“{label}”的值“{value}”不是有效的数字',
  MJ208: '日期 {value} 不在 {year} 年内（本文件是 {year} 年的记录）',
  MJ209: '会籍状态为“{status}”，必须填写离会时间',
  MJ210: '会籍状态为“在册”，却填写了离会时间 {left}',
  MJ211: '离会时间 {left} 早于入会时间 {joined}',
  MJ212: '撤销日期 {dissolved} 早于成立日期 {established}',
  MJ213: '“{label}”的值“{value}”{why}，这不可能',
  MJ214: '“{label}”含有控制字符（{char}），可能是复制粘贴带来的不可见字符',
  MJ215: '“{label}”中的“{value}”写了两次（第 {first} 项和第 {n} 项），只计一次',
  MJ220: '“{label}”的值“{value}”用“{sep}”隔开了几项',
  MJ221: '“{label}”列中有 {n} 个编号在 Excel 中存成了数字，靠“{format}”格式才显示出开头的 0（{cells}）',
  MJ222: '“{label}”列中有 {n} 个编号在 Excel 中存成了数字，开头的 0 已经丢了（{cells}；如“{value}”，本列其他编号是 {width} 位）',
  MJ223: '单元格是公式（={formula}），文件中却没有它的计算结果；mj 不计算公式',
  MJ224: '单元格是 Excel 的错误值 {value}',
  MJ230: '“{label}” {until} 早于开始日期 {from}',
  MJ231: '整改状态为“已完成”，必须填写完成日期',
  MJ232: '整改状态为“整改中”，却填写了完成日期 {done}',
  MJ233: '写了出库原因“{reason}”，却没有出库时间',
  MJ301: '编号“{id}”重复，第一次出现在 {first}',
  MJ302: '“{label}”的值“{value}”不存在',
  MJ303: '会员“{value}”不在会员名册中',
  MJ304: '“{label}”的值“{value}”是{type}，会员只能属于支部',
  MJ305: '上级组织形成了循环：{cycle}',
  MJ306: '应有且只有一个没有上级的组织（省委会），现在有 {count} 个：{ids}',
  MJ307: '“{parent}”是支部，支部下面不能再有组织',
  MJ308: '会员“{value}”在 {date} 不在册（{why}）',
  MJ309: '会员仍在册，但所属支部“{org}”已于 {dissolved} 撤销',
  MJ310: '组织“{value}”在 {date} {why}',
  MJ311: '“{org}”的项目“{item}”已在第 {first} 行评过分',
  MJ312: '“{label}”的值“{value}”是{type}，该项考核的是{types}',
  MJ313: '名册中有 {n} 个会员编号开头的 0 被 Excel 去掉了（如“{id}”，{where} 中写作“{ref}”），其他文件引用会员编号的地方因此都对不上',
  MJ401: '{year} 年评分表中没有评分项或基本要求“{item}”',
  MJ320: '“{name}”在{org}有 {n} 名会员（{ids}），不知道是哪一位',
  MJ321: '{org}没有名为“{name}”的会员（{others}）',
  MJ322: '“{label}”的值“{value}”既不是组织编号，也不是 orgs.yaml 中某个组织的全称',
  MJ330: '转入支部与转出支部相同（{value}）',
  MJ331: '会员 {member} 在 {date} 有两条转接记录（另一条在第 {first} 行）',
  MJ332: '会员 {member} 的转接日期 {date} 不在其在册期间（{why}）',
  MJ333: '会员 {member} 在 {date} 从“{value}”转出，但上一条转接（第 {line} 行）已把该会员转入 {expected}',
  MJ334: '会员 {member} 最后一次转入 {value}，但会员名册中的所属组织是 {org}（第 {line} 行）',
  MJ335: '转入的支部 {value} 在 {date} {why}',
  MJ336: '会员 {member} 的入库时间 {from} 落在另一段入库期间内（第 {line} 行）',
  MJ337: '会员 {member} 入库时（{date}）不在册：{why}',
  MJ338: '会员 {member} 的“后备干部”一栏写作“{column}”，但后备人才库中该会员{pool}',
  MJ339: '会员 {member} 联系 {org} 的期间与第 {line} 行重叠',
  MJ340: '巡查对象 {value} 是支部；政治巡查的对象是市州委员会（工委）的领导班子',
  MJ341: '巡查编号“{value}”不在政治巡查文件中',
  MJ342: '问题 {finding} 的各行问题类别不一致：这里写作“{value}”，第 {line} 行写作“{expected}”',
  MJ343: '整改期限 {deadline} 早于巡查 {inspection} 的开始日期 {start}',
  MJ344: '{value} 是支部：领导班子文件记录省委会、市委会、工委和总支的领导班子',
  MJ345: '会员 {member} 在 {year} 年不是 {org} 的领导班子成员，却有考评结果',
  MJ346: '会员 {member} 在 {org} 的“{kind}”已有一条结果（第 {line} 行）',
  MJ402: '得分 {points} 超出该项允许的范围 {min}～{max}',
  MJ403: '{year} 年有考评组评分，却没有 {year} 年的评分表',
  MJ404: '等级要按分数线从高到低排列：“{name}”的分数线 {min} 高于上一档',
  MJ405: '评分项编号“{id}”重复，第一次出现在第 {first} 行',
  MJ406: '评分项“{id}”{problem}',
  MJ407: '一票否决引用的评分项“{item}”不存在',
  MJ408: '考评组评分项“{item}”在 {year} 年没有任何支部的评分记录，按 0 分计',
  MJ409: '评分表标题写的是 {found} 年，文件名却是 {year} 年',
  MJ410: '名额比例“{value}”不是 0 到 1 之间的小数或分数',
  MJ411: '“{key}”的值 {value} 不合理：{rule}',
  MJ412: '引用的{kind}“{id}”不存在',
  MJ413: '“{value}”不是评分项“{item}”允许的取值（{allowed}）',
  MJ414: '名称“{name}”作为表头会重复（{first}）',
  MJ415: '评分项“{id}”的分档 at_least {value} 与第 {first} 档相同',
  MJ416: '评分项“{item}”{why}',
  MJ417: '会员“{member}”属于“{actual}”，不属于“{org}”',
  MJ418: '评分项“{item}”用 {year} 年的得分，但没有 {year} 年的评分表，该项按 0 计',
  MJ419: '评分项“{item}”用 {year} 年评分表中的“{of}”，但那一年的评分表中没有它',
  MJ601: '表中没有“{column}”列{option}',
  MJ602: '“{column}”列对应不到任何字段，没有导入',
  MJ603: '映射文件中的“{field}”不是{kind}的字段',
  MJ604: '组织“{value}”不在 --org 指定的“{org}”之下',
  MJ605: '日期“{value}”没有写年份',
  MJ606: '数据集的{kind}保存在 {file} 中，mj import 只合并到 CSV 文件',
  MJ607: '这条记录与{first}是同一条（{key}），只导入一次',
  MJ701: '{year} 年没有新会员培训班（类型为培训、标签为 {tags} 的记录）；mj.yaml 要求每年至少举办 1 期',
  MJ801: '{year} 年已由 {by} 关账（{lock}），这个文件在关账之后改动了',
  MJ802: '{year} 年已由 {by} 关账（{lock}），这个文件却不见了',
  MJ803: '{year} 年已由 {by} 关账（{lock}），关账时还没有这个文件',
  MJ804: '关账文件的“{key}”{problem}',
} as const satisfies Catalogue;

export const MESSAGES_EN = {
  MJ001: 'no dataset found: {where}',
  MJ002: 'missing {what} file {path}{also}',
  MJ003: 'cannot read the file: {reason}',
  MJ004: 'this is a binary file, not a text table (byte {offset} is NUL)',
  MJ005: 'the file is not UTF-8; read it as GB18030 (what Chinese Excel saves as CSV)',
  MJ006: 'the file cannot be read as {encoding} (unreadable from here)',
  MJ007: 'the file is {size}, over the limit of {limit}',
  MJ008: 'the path {path} is outside the dataset folder',
  MJ009: 'the file is empty',
  MJ010: '{a} and {b} both exist; mj cannot tell which to read',
  MJ011: 'the file has a header but no records',
  MJ014: 'the roster holds no member (only its header): every count would be 0, and no reference to a member can be checked',
  MJ012: 'the lines end in a lone CR (Excel for Mac\'s "CSV (Macintosh)"); read line by line',
  MJ015: 'the workbook is protected by a password (encrypted); mj cannot read it',
  MJ016: 'this is an old Excel 97-2003 workbook (.xls); mj reads .xlsx only',
  MJ017: 'the file is not a valid XLSX workbook: {reason}',
  MJ018: 'the workbook inflates to {size}, over the limit of {limit} (a ratio of about {ratio}:1); it does not look like a table (a zip bomb?) and was not read',
  MJ019: 'the workbook has no sheet named "{sheet}" (it has: {sheets})',
  MJ020: 'sheet "{sheet}" is not a table: {why}',
  MJ021: 'the sheet uses Excel\'s last row (row 1,048,576): the data was most likely cut off when it was exported or saved; not read',
  MJ101: 'unclosed quote: the quote that opens here is never closed and swallows what follows',
  MJ102: 'text after a closing quote',
  MJ103: 'this row has {found} cells, the header has {expected}',
  MJ104: 'unknown column "{column}", ignored and never written to any output',
  MJ105: 'required column "{column}" is missing',
  MJ106: 'column "{column}" repeats column {first} (both mean {key})',
  MJ107: 'this record is longer than {limit} characters; a quote is probably unmatched',
  MJ110: 'YAML syntax error: {detail}',
  MJ111: 'duplicate key "{key}"',
  MJ112: 'YAML limit exceeded: {what} over {limit}',
  MJ113: '{where} should be {expected}',
  MJ120: 'unknown key "{key}"',
  MJ121: '"{key}" should be {expected}',
  MJ130: 'the header ends in {n} empty column(s) (Excel saved empty columns); the rows\' trailing empty cells are not reported one by one',
  MJ131: 'this line is indented with a tab; YAML indents with spaces only',
  MJ132: 'key "{key}" is followed by a full-width colon "："; a YAML key takes the ASCII colon ":" and a space after it',
  MJ201: '"{label}" must not be empty',
  MJ202: '"{label}" value "{value}" is not a valid date{why}',
  MJ203: '"{label}" value "{value}" is not one of the allowed values',
  MJ204: '"{label}" value "{value}" is not a valid org id',
  MJ205: '"{label}" value "{value}" looks like Excel turned it into scientific notation; the id is damaged',
  MJ206: '"{label}" value "{value}" is probably {year}.{month}0 with its trailing 0 dropped by Excel',
  MJ207: '"{label}" value "{value}" is not a valid number',
  MJ208: 'date {value} is not in {year} (this file holds the records of {year})',
  MJ209: 'standing is "{status}", so the date left must be given',
  MJ210: 'standing is "在册" (active) but a date left {left} is given',
  MJ211: 'date left {left} is before date joined {joined}',
  MJ212: 'dissolved {dissolved} before it was established {established}',
  MJ213: '"{label}" value "{value}" {why}, which cannot be',
  MJ214: '"{label}" contains a control character ({char}), probably an invisible character picked up by copy and paste',
  MJ215: '"{label}" lists "{value}" twice (items {first} and {n}); it counts once',
  MJ220: '"{label}" value "{value}" separates several items with "{sep}"',
  MJ221: '{n} ids in column "{label}" are stored as numbers in Excel and show their leading zeros only through the format "{format}" ({cells})',
  MJ222: '{n} ids in column "{label}" are stored as numbers in Excel and lost their leading zeros ({cells}; e.g. "{value}", where the column\'s other ids have {width} digits)',
  MJ223: 'the cell holds a formula (={formula}) but the file keeps no calculated value for it; mj never calculates formulas',
  MJ224: 'the cell holds the Excel error value {value}',
  MJ230: '{label} {until} is before the start {from}',
  MJ231: 'the measure is 已完成 (done), so it needs the date done',
  MJ232: 'the measure is 整改中 (open), yet it has a date done {done}',
  MJ233: 'a reason for leaving the pool ({reason}) without the day left',
  MJ301: 'id "{id}" is duplicated; first seen at {first}',
  MJ302: '"{label}" value "{value}" does not exist',
  MJ303: 'member "{value}" is not on the roster',
  MJ304: '"{label}" value "{value}" is a {type}; members belong to a 支部 (branch) only',
  MJ305: 'the parent orgs form a cycle: {cycle}',
  MJ306: 'there must be exactly one org without a parent (the 省委会); there are {count}: {ids}',
  MJ307: '"{parent}" is a 支部 (branch); a branch cannot have orgs below it',
  MJ308: 'member "{value}" is not on the roster on {date} ({why})',
  MJ309: 'the member is still active but branch "{org}" was dissolved on {dissolved}',
  MJ310: 'org "{value}" {why} on {date}',
  MJ311: 'item "{item}" of "{org}" was already assessed on line {first}',
  MJ312: '"{label}" value "{value}" is a {type}; this item assesses {types}',
  MJ313: '{n} member ids of the roster lost their leading zeros in Excel (e.g. "{id}", which {where} writes "{ref}"), so the other files\' references to members no longer match',
  MJ401: 'the {year} rubric has no item or requirement "{item}"',
  MJ320: '{org} has {n} members named "{name}" ({ids}); which one is meant cannot be told',
  MJ321: '{org} has no member named "{name}" ({others})',
  MJ322: '"{label}" value "{value}" is neither an org id nor the full name of an org in orgs.yaml',
  MJ330: 'the transfer goes to the branch it comes from ({value})',
  MJ331: 'member {member} has two transfers on {date} (the other on line {first})',
  MJ332: 'member {member}\'s transfer on {date} is outside their days on the roster ({why})',
  MJ333: 'member {member} leaves "{value}" on {date}, but the previous transfer (line {line}) moved them to {expected}',
  MJ334: 'member {member}\'s last transfer is to {value}, but the roster puts them in {org} (line {line})',
  MJ335: 'the branch {value} moved into {why} on {date}',
  MJ336: 'member {member} enters the pool on {from}, inside another span (line {line})',
  MJ337: 'member {member} enters the pool on {date} while not on the roster: {why}',
  MJ338: 'member {member}\'s reserve-cadre column says "{column}", but the pool says they are {pool}',
  MJ339: 'member {member}\'s contact with {org} overlaps line {line}',
  MJ340: 'the inspection target {value} is a branch; 政治巡查 inspects the leadership of city committees',
  MJ341: 'inspection "{value}" is not in the inspections file',
  MJ342: 'the rows of finding {finding} have different categories: "{value}" here, "{expected}" on line {line}',
  MJ343: 'the deadline {deadline} is before inspection {inspection} began ({start})',
  MJ344: '{value} is a branch: the leadership file holds the committees\' 领导班子',
  MJ345: 'member {member} held no seat in {org} in {year}, yet has a review',
  MJ346: 'member {member} already has a "{kind}" result in {org} (line {line})',
  MJ402: 'points {points} are outside the item\'s range {min} to {max}',
  MJ403: '{year} has panel assessments but no {year} rubric',
  MJ404: 'grades must run from the highest threshold down: "{name}" has {min}, above the band before it',
  MJ405: 'rubric item id "{id}" is duplicated; first seen on line {first}',
  MJ406: 'rubric item "{id}" {problem}',
  MJ407: 'the veto names rubric item "{item}", which does not exist',
  MJ408: 'panel item "{item}" has no assessment rows in {year}; it scores 0',
  MJ409: 'the rubric title says {found} but the file is for {year}',
  MJ410: 'quota "{value}" is not a decimal or fraction between 0 and 1',
  MJ411: '"{key}" value {value} makes no sense: {rule}',
  MJ412: 'the {kind} "{id}" it names does not exist',
  MJ413: '"{value}" is not one of the values rubric item "{item}" allows ({allowed})',
  MJ414: 'the name "{name}" would be a duplicate column header ({first})',
  MJ415: 'rubric item "{id}" has two tiers at at_least {value} (the first is tier {first})',
  MJ416: 'rubric item "{item}" {why}',
  MJ417: 'member "{member}" belongs to "{actual}", not "{org}"',
  MJ418: 'item "{item}" takes the points of {year}, but there is no rubric for {year}: it counts 0',
  MJ419: 'item "{item}" takes "{of}" of the {year} rubric, which has no such sheet or item',
  MJ601: 'the sheet has no "{column}" column{option}',
  MJ602: 'column "{column}" maps to no field and is not imported',
  MJ603: '"{field}" in the mapping file is not a field of {kind}',
  MJ604: 'org "{value}" is not under "{org}", given with --org',
  MJ605: 'date "{value}" has no year',
  MJ606: 'the dataset keeps its {kind} in {file}; mj import merges into CSV files only',
  MJ607: 'this record is the same as {first} ({key}); it is imported once',
  MJ701: 'no new-member course in {year} (a 培训 record tagged {tags}); mj.yaml asks for one every year',
  MJ801: '{year} was closed by {by} ({lock}), but this file changed after it was closed',
  MJ802: '{year} was closed by {by} ({lock}), but this file is gone',
  MJ803: '{year} was closed by {by} ({lock}), and this file was not there when it was closed',
  MJ804: '"{key}" of the lock file {problem}',
} as const satisfies Catalogue;

/** Static hints: what to do about it. Codes without one rely on a computed hint. */
export const HINTS_ZH: Partial<Record<Code, string>> = {
  MJ001: '在数据目录中运行，或用 --data 指定数据目录；新建数据集用 mj init',
  MJ002: '检查 mj.yaml 中 files: 的设置，或新建该文件',
  MJ003: '检查文件是否存在、是否是文件而不是文件夹、是否有读取权限',
  MJ004: '请在 Excel 中另存为“CSV UTF-8（逗号分隔）”',
  MJ005: '建议另存为“CSV UTF-8”；要一直用 GB18030，在 mj.yaml 中写 encoding: { 文件名: gb18030 }，就不再警告；若编码不是 GB18030，用 --encoding 指定',
  MJ006: '用 --encoding 指定正确的编码（utf-8、gb18030、utf-16le）',
  MJ007: '拆分文件，或用 --max-file-size（或 mj.yaml 的 limits: max_file_mb）调高上限',
  MJ008: 'mj.yaml 中的路径必须在数据目录之内',
  MJ010: '删除或改名其中一个',
  MJ014: '恢复名册的内容（例如用 git 找回上一版：git checkout HEAD~1 -- {file}），或检查导出是否完整',
  MJ012: '以后另存时选“CSV UTF-8（逗号分隔）”，行尾就是通常的格式',
  MJ015: '在 Excel 中打开（输入密码），“文件 → 信息 → 保护工作簿 → 用密码进行加密”，删除密码后保存，再运行 mj',
  MJ016: '在 Excel 中打开，“另存为 → Excel 工作簿（*.xlsx）”',
  MJ017: '在 Excel 或 WPS 中打开该文件，另存为“Excel 工作簿（*.xlsx）”；打不开时请对方重新发送',
  MJ018: '请对方重新发送表格；确实有这么大的表格时，用 --max-file-size 调高上限',
  MJ019: '检查工作表名（mj.yaml 的 sheets: 或 --sheet）；不写时读第一张工作表',
  MJ020: '表格要有一行表头（如 会员编号、姓名、所属组织），下面每行一条记录；标题行、合计行可以保留',
  MJ021: '把数据分成几个文件，或按年份拆开；不要用 Excel 打开再另存超过 1,048,576 行的 CSV',
  MJ130: '删除表头最后的空白列（或在 Excel 中删除多余的列后另存）',
  MJ131: '把行首的 Tab 换成空格（每层缩进两个空格）',
  MJ132: '把“：”改成“: ”（半角冒号加空格），例如 name: 贵阳一中支部',
  MJ220: '{items}用 ; 分隔，例如 {example}',
  MJ221: '把该列设为“文本”格式并重新输入编号，复制或另存为 CSV 时才不会丢掉 0',
  MJ222: '把该列设为“文本”格式，再把这些编号改回原样（补上开头的 0）',
  MJ223: '在 Excel 中打开并保存一次（会存下计算结果），或把公式换成数值：复制 → 选择性粘贴 → 数值',
  MJ224: '改正公式或填写正确的值',
  MJ101: '检查这一行的双引号；单元格里的双引号要写成两个（""）',
  MJ102: '单元格里的双引号要写成两个（""），或把整个单元格用双引号括起来',
  MJ103: '检查这一行是否多了或少了逗号；含逗号的内容要用双引号括起来',
  MJ104: '这一列不会被使用；如果是拼写错误，请改成正确的列名',
  MJ105: '在表头加上这一列（中文列名或英文键名均可）',
  MJ106: '删除其中一列',
  MJ107: '检查这一行附近是否有未配对的双引号；确实需要更长的记录时，调高 mj.yaml 的 limits: max_record_chars',
  MJ111: '删除或合并重复的键',
  MJ112: 'YAML 中的别名（*）展开后过大，请直接写出内容',
  MJ201: '请填写该项',
  MJ202: '写作 2019-03-05，也可写 2019/3/5、2019.3.5 或 2019年3月5日',
  MJ204: '组织编号只能用英文字母、数字、- 和 _，并以字母或数字开头',
  MJ205: '在 Excel 中把该列设为“文本”格式后重新填写编号，再另存为 CSV',
  MJ206: '若是 10 月写作 {year}-10，若是 1 月写作 {year}-01',
  MJ207: '写一个不小于 0 的数，例如 2 或 2.5',
  MJ208: '把记录移到对应年份的文件，或改正日期',
  MJ209: '填写离会时间，或把会籍状态改为“在册”',
  MJ210: '若已离会，请填写会籍状态（退会、除名、开除、去世、转出）；否则删除离会时间',
  MJ211: '检查两个日期',
  MJ212: '检查两个日期',
  MJ213: '多半是年份输错了（例如把 1991 写成了 2091），请对照会员档案改正',
  MJ214: '删掉这一格（或这一项）的内容，用键盘重新输入，不要从网页、聊天软件或其他文件粘贴',
  MJ215: '删去重复的一项：同一条记录中的同一名会员、同一项结果只计一次',
  MJ230: '检查两个日期',
  MJ231: '填写完成日期，或把整改状态改为“整改中”',
  MJ232: '已完成的写“已完成”；尚未完成的删除完成日期',
  MJ233: '填写出库时间，或删除出库原因',
  MJ301: '每个编号只能用一次',
  MJ303: '这一列填会员编号（不是姓名）；若编号开头的 0 不见了，是 Excel 把它当成了数字',
  MJ304: '把会员放到该组织下的某个支部',
  MJ305: '改正其中一个组织的上级（parent）',
  MJ306: '只有省委会不写上级（parent），其他组织都要写上级',
  MJ307: '把下级组织挂到市委会、工委或总支下面',
  MJ308: '检查会员的入会、离会时间，或从这条记录中去掉该会员',
  MJ309: '为该会员填写会籍状态和离会时间，或把会员转到仍存在的支部',
  MJ310: '检查组织的成立（established）、撤销（dissolved）日期',
  MJ311: '每个支部的每个评分项只能有一行',
  MJ312: '填写该项考核对象（支部，或单位考核表所列类型的组织）的编号',
  MJ313: '{file} 中的会员编号被 Excel 当成了数字。用 Excel 编辑前，先选中“会员编号”列，设置单元格格式为“文本”，再粘贴或输入编号；打开 CSV 时用“数据 → 自文本/CSV”导入，并把该列设为“文本”。然后把编号改回原样（如 {ref}）',
  MJ401: '“项目”填评分表中评分项的 id（英文编号）',
  MJ320: '改填会员编号',
  MJ321: '检查姓名，或改填会员编号；会员不在该组织时先核对名册',
  MJ322: '填写 orgs.yaml 中的组织编号（id）或全称（name），一字不差',
  MJ330: '支部内部的调整不用写转接记录；检查两个支部编号',
  MJ331: '一名会员一天只能转接一次：删除或合并其中一条',
  MJ332: '检查转接日期和会员的入会、离会时间；入会时所在的支部写在第一条转接的“转出支部”',
  MJ333: '每条转接的“转出支部”应是该会员上一条转接的“转入支部”',
  MJ334: '名册的“所属组织”写会员现在（已离会的写离会时）所在的支部，也就是最后一次转接的“转入支部”',
  MJ335: '检查转接日期，或该支部的成立（established）、撤销（dissolved）日期',
  MJ336: '同一名会员的入库期间不能重叠：先给上一段填写出库时间',
  MJ337: '检查入库时间和会员的入会、离会时间',
  MJ338: '名册的“后备干部”是当前状态：在库且在册的写“是”，其余写“否”；历史以后备人才库文件为准',
  MJ339: '同一人联系同一组织只写一行；中断后再联系时，先给上一行填写结束日期',
  MJ340: '填写被巡查的市委会或工委的编号',
  MJ341: '先在政治巡查文件（inspections.csv）中登记这次巡查，或改正巡查编号',
  MJ342: '同一问题的各条整改措施，问题类别要相同；不同的问题用不同的问题编号',
  MJ343: '检查整改期限',
  MJ344: '填写委员会的编号；支部的支委会写在 orgs.yaml 的 committee 中',
  MJ345: '检查领导班子文件（或 orgs.yaml 的 committee）中的任职时间，或改正组织、会员编号',
  MJ346: '每人每年每类考评只写一行',
  MJ402: '考评组的得分不能超过评分表中该项的最高分（max），也不能低于最低分（min）；核对得分，或改评分表',
  MJ403: '新建 rubrics/{year}.yaml，或删除该年的考评组评分',
  MJ404: '按 90、80、60、0 这样从高到低排列等级',
  MJ405: '每个评分项的 id 只能用一次',
  MJ408: '在考评组评分文件中为各支部填写该项得分',
  MJ409: '复制上一年的评分表后，记得改标题',
  MJ410: '写成小数或分数，例如 0.1 表示至多十分之一、1/3 表示至多三分之一的考核对象',
  MJ411: '满分要大于 0；上限、档次、补助金额和预算都不能是负数。扣分项把 points 写成负数，不要把 max 写成负数',
  MJ412: '写评分项或基本要求的 id（英文编号），不是名称',
  MJ413: '只能填评分表中该项 values 列出的取值',
  MJ414: '每个评分项、基本要求的名称在同一张考核表中要不同，也不能叫“总分”“等级”等表格固有的列名',
  MJ415: '每一档的 at_least 要不同；要合并两档就删掉其中一档',
  MJ416: '按记录计算的评分项只填“支部自评得分”；会员编号只用于会员考核表的项目',
  MJ417: '“组织”填该会员所在的支部',
  MJ418: '第一年用这张评分表时属正常；否则补上那一年的评分表（rubrics/{year}.yaml）和记录',
  MJ419: 'earlier 的 of 写 total（总分）或那一年同一张考核表中某评分项的 id；考核表本身也须在那一年的评分表中',
  MJ601: '在表头加上这一列（中文列名即可），或用 --map 指明哪一列是它；整张表都是一个支部的记录时，用 --org 支部编号（或全称）指定',
  MJ602: '用不到的列可以不管；如果它就是某个字段，用 --map 指明（mj import --suggest-map 生成映射草稿）',
  MJ603: '字段名写英文键名，如 date、org、members；不导入的列写 ~',
  MJ604: '检查组织，或换一个 --org',
  MJ605: '用 --year 写明年份，例如 --year 2019',
  MJ606: '把该文件另存为 CSV（mj.yaml 的 files: 指向它），或手工把记录加进去',
  MJ607: '删除重复的一行，或检查它们是否真的是同一条记录',
  MJ701: '在该年的履职记录中登记新会员培训班（类型 培训，标签 新会员培训），或把 mj.yaml 中 training: 的 require_new_member_course 改为 false',
  MJ801: '撤销这个改动（git checkout -- {file}）；确需修改已上报的结果时，先运行 mj reopen {year} --reason "原因"，改完重新生成报表，再 mj close {year}',
  MJ802: '从 git 找回它（git checkout -- {file}）；确需删除时，先运行 mj reopen {year} --reason "原因"',
  MJ803: '删除这个文件；确需为 {year} 年补充它时，先运行 mj reopen {year} --reason "原因"',
  MJ804: '关账文件由 mj close 和 mj reopen 写出，不要手工修改；从 git 找回原来的内容（git checkout -- {lock}）',
};

export const HINTS_EN: Partial<Record<Code, string>> = {
  MJ001: 'run mj inside the dataset folder, or point at it with --data; mj init makes a new one',
  MJ002: 'check files: in mj.yaml, or create the file',
  MJ003: 'check that the file exists, is a file and not a folder, and can be read',
  MJ004: 'in Excel, save it as "CSV UTF-8 (comma delimited)"',
  MJ005: 'save it as "CSV UTF-8"; to keep GB18030, write encoding: { FILE: gb18030 } in mj.yaml and the warning goes; if it is not GB18030, name the encoding with --encoding',
  MJ006: 'name the right encoding with --encoding (utf-8, gb18030, utf-16le)',
  MJ007: 'split the file, or raise the limit with --max-file-size (or limits: max_file_mb in mj.yaml)',
  MJ008: 'paths in mj.yaml must stay inside the dataset folder',
  MJ010: 'remove or rename one of them',
  MJ014: 'restore the roster (e.g. the last version from git: git checkout HEAD~1 -- {file}), or check that the export is complete',
  MJ012: 'next time save as "CSV UTF-8 (Comma delimited)" for the usual line ends',
  MJ015: 'open it in Excel (with the password), File → Info → Protect Workbook → Encrypt with Password, remove the password, save, and run mj again',
  MJ016: 'open it in Excel and save it as "Excel Workbook (*.xlsx)"',
  MJ017: 'open the file in Excel or WPS and save it as "Excel Workbook (*.xlsx)"; if it does not open, ask for it again',
  MJ018: 'ask for the sheet again; if a table really is this large, raise the limit with --max-file-size',
  MJ019: 'check the sheet name (sheets: in mj.yaml, or --sheet); without one the first sheet is read',
  MJ020: 'a table has one header row (such as 会员编号, 姓名, 所属组织) and one record a row below it; title rows and total rows may stay',
  MJ021: 'split the data into several files, or by year; do not open a CSV of more than 1,048,576 rows in Excel and save it again',
  MJ130: 'remove the empty columns at the end of the header (or delete the extra columns in Excel and save again)',
  MJ131: 'replace the tabs at the start of the line with spaces (two a level)',
  MJ132: 'replace "：" with ": " (an ASCII colon and a space), e.g. name: 贵阳一中支部',
  MJ220: 'separate {items} with ;, e.g. {example}',
  MJ221: 'format the column as Text and type the ids again, so that copying or saving as CSV keeps the zeros',
  MJ222: 'format the column as Text, then restore these ids (with their leading zeros)',
  MJ223: 'open it in Excel and save it once (which stores the results), or replace the formulas with values: Copy → Paste Special → Values',
  MJ224: 'fix the formula or fill in the right value',
  MJ101: 'check the quotes on this line; a quote inside a cell is written twice ("")',
  MJ102: 'write a quote inside a cell twice (""), or quote the whole cell',
  MJ103: 'check for a missing or extra comma; text with a comma must be quoted',
  MJ104: 'this column is not used; if it is a typo, use the right column name',
  MJ105: 'add the column to the header (its Chinese name or its key)',
  MJ106: 'remove one of them',
  MJ107: 'look for an unmatched double quote near this line; if records really are this long, raise limits: max_record_chars in mj.yaml',
  MJ111: 'remove or merge the duplicated key',
  MJ112: 'YAML aliases (*) expand too far; write the content out',
  MJ201: 'fill it in',
  MJ202: 'write 2019-03-05; 2019/3/5, 2019.3.5 and 2019年3月5日 are read too',
  MJ204: 'an org id uses ASCII letters, digits, - and _, starting with a letter or digit',
  MJ205: 'format the column as Text in Excel, retype the ids, then save as CSV again',
  MJ206: 'write {year}-10 for October or {year}-01 for January',
  MJ207: 'write a number not below 0, e.g. 2 or 2.5',
  MJ208: 'move the record to the file of its year, or fix the date',
  MJ209: 'give the date left, or set the standing to 在册',
  MJ210: 'if the member left, set the standing (退会, 除名, 开除, 去世, 转出); else remove the date',
  MJ211: 'check both dates',
  MJ212: 'check both dates',
  MJ213: 'the year is probably mistyped (e.g. 2091 for 1991); check it against the member\'s file',
  MJ214: 'clear the cell (or value) and type it again rather than pasting it from a web page, a chat or another file',
  MJ215: 'delete the repeat: one record counts a member, or an outcome, once',
  MJ230: 'check both dates',
  MJ231: 'give the date done, or set the status to 整改中',
  MJ232: 'a finished measure is 已完成; for an open one remove the date',
  MJ233: 'give the day left, or remove the reason',
  MJ301: 'each id may be used once',
  MJ303: 'this column takes member ids (not names); if leading zeros are gone, Excel took the ids for numbers',
  MJ304: 'attach the member to a 支部 below that org',
  MJ305: 'fix the parent of one of these orgs',
  MJ306: 'only the 省委会 has no parent; every other org names one',
  MJ307: 'attach the child org to a 市委会, 工委 or 总支',
  MJ308: 'check the member\'s dates joined and left, or remove the member from this record',
  MJ309: 'give the member a standing and date left, or move them to a branch that still exists',
  MJ310: 'check the org\'s established and dissolved dates',
  MJ311: 'one row per branch and item',
  MJ312: 'give the id of an org the item assesses (a branch, or an org of the unit sheet\'s types)',
  MJ313: 'Excel took the member ids in {file} for numbers. Before editing in Excel, format the member-id column as Text, then paste or type the ids; open a CSV with Data → From Text/CSV and set that column to Text. Then restore the ids (e.g. {ref})',
  MJ401: 'give the id of an item of the rubric',
  MJ320: 'write the member id instead',
  MJ321: 'check the name, or write the member id; if the member is not in this org, check the roster first',
  MJ322: 'write the org\'s id or its full name exactly as orgs.yaml has them',
  MJ330: 'no transfer is needed inside a branch; check both branch ids',
  MJ331: 'a member moves at most once a day: remove or merge one of them',
  MJ332: 'check the transfer date and the member\'s dates joined and left; the branch they joined is the first transfer\'s from branch',
  MJ333: 'each transfer leaves the branch the member\'s previous transfer moved them to',
  MJ334: 'the roster\'s org is the member\'s branch now (or when they left): the last transfer\'s to branch',
  MJ335: 'check the transfer date, or the branch\'s established and dissolved dates',
  MJ336: 'one member\'s spans may not overlap: give the earlier one the day it ended',
  MJ337: 'check the day entered and the member\'s dates joined and left',
  MJ338: 'the roster\'s reserve-cadre column is today\'s: 是 while in the pool and 在册, else 否; the pool file holds the history',
  MJ339: 'one row per person and org; when contact resumes after a break, end the earlier row first',
  MJ340: 'give the id of the city committee (市委会 or 工委) inspected',
  MJ341: 'record the inspection in inspections.csv first, or fix the id',
  MJ342: 'the measures of one finding share its category; a different finding takes another id',
  MJ343: 'check the deadline',
  MJ344: 'give a committee\'s id; a branch\'s committee belongs in orgs.yaml under committee',
  MJ345: 'check the seat\'s dates in the leadership file (or orgs.yaml\'s committee), or the org and member ids',
  MJ346: 'one row per leader, year and kind of review',
  MJ402: 'the panel\'s points may not be above the item\'s highest (max) nor below its lowest (min) in the rubric; check the points, or the rubric',
  MJ403: 'create rubrics/{year}.yaml, or remove that year\'s assessments',
  MJ404: 'list the grades from the highest threshold down, e.g. 90, 80, 60, 0',
  MJ405: 'each rubric item id may be used once',
  MJ408: 'add that item\'s points for each branch in the assessments file',
  MJ409: 'after copying last year\'s rubric, update its title',
  MJ410: 'write a decimal or a fraction, e.g. 0.1 for at most a tenth, 1/3 for at most a third of the subjects',
  MJ411: 'full marks are above 0; caps, tiers, subsidy amounts and the budget are never negative. A deduction has negative points, not a negative max',
  MJ412: 'write the id of the item or requirement, not its name',
  MJ413: 'write one of the values the rubric lists for the item',
  MJ414: 'give every item and requirement of a sheet its own name, and none the name of a fixed column such as 总分 or 等级',
  MJ415: 'give each tier its own at_least; to merge two tiers, remove one',
  MJ416: 'an item mj computes from the records takes only the self-assessed score; the member column is for the member sheet\'s items',
  MJ417: 'give the member\'s own branch as the org',
  MJ418: 'expected in the first year of such a rubric; otherwise add that year\'s rubric (rubrics/{year}.yaml) and records',
  MJ419: 'earlier\'s of is total or the id of an item on the same sheet in that year\'s rubric, and the sheet must be in it too',
  MJ601: 'add the column to the header (its Chinese name will do), or name the column with --map; when the whole sheet is one branch\'s, give it with --org BRANCH (its id or full name)',
  MJ602: 'unused columns can stay; if it is one of the fields, name it with --map (mj import --suggest-map writes a draft)',
  MJ603: 'write field keys such as date, org, members; ~ leaves a column out',
  MJ604: 'check the org, or give another --org',
  MJ605: 'give the year with --year, e.g. --year 2019',
  MJ606: 'save that file as CSV (pointed at by files: in mj.yaml), or add the records by hand',
  MJ607: 'remove the repeated row, or check that they really are one record',
  MJ701: 'record the year\'s new-member course (type 培训, tag 新会员培训), or set training: require_new_member_course: false in mj.yaml',
  MJ801: 'undo the change (git checkout -- {file}); to change results already reported, first run mj reopen {year} --reason "why", then rebuild the reports and mj close {year} again',
  MJ802: 'restore it from git (git checkout -- {file}); to remove it, first run mj reopen {year} --reason "why"',
  MJ803: 'delete the file; to add it to {year}, first run mj reopen {year} --reason "why"',
  MJ804: 'lock files are written by mj close and mj reopen, never by hand; restore it from git (git checkout -- {lock})',
};

export type Lang = 'zh' | 'en';

export const SEVERITY_WORD: Record<Lang, Record<'error' | 'warning', string>> = {
  zh: { error: '错误', warning: '警告' },
  en: { error: 'error', warning: 'warning' },
};
