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
  MJ002: '缺少{what}文件 {path}',
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
  MJ201: '“{label}”不能为空',
  MJ202: '“{label}”的值“{value}”不是有效日期',
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
  MJ311: '支部“{org}”的项目“{item}”已在第 {first} 行评过分',
  MJ312: '“{label}”的值“{value}”是{type}，只有支部参加考核',
  MJ313: '会员编号“{id}”开头的 0 被 Excel 去掉了（{where} 中写作“{ref}”），其他文件引用会员编号的地方因此都对不上',
  MJ401: '“{item}”不是 {year} 年评分表中的考评组评分项（measure: manual）',
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
  MJ801: '{year} 年已由 {by} 关账（{lock}），这个文件在关账之后改动了',
  MJ802: '{year} 年已由 {by} 关账（{lock}），这个文件却不见了',
  MJ803: '{year} 年已由 {by} 关账（{lock}），关账时还没有这个文件',
  MJ804: '关账文件的“{key}”{problem}',
} as const satisfies Catalogue;

export const MESSAGES_EN = {
  MJ001: 'no dataset found: {where}',
  MJ002: 'missing {what} file {path}',
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
  MJ201: '"{label}" must not be empty',
  MJ202: '"{label}" value "{value}" is not a valid date',
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
  MJ311: 'item "{item}" of branch "{org}" was already assessed on line {first}',
  MJ312: '"{label}" value "{value}" is a {type}; only branches (支部) are assessed',
  MJ313: 'member id "{id}" lost its leading zeros in Excel ({where} writes it "{ref}"), so the other files\' references to members no longer match',
  MJ401: '"{item}" is not a panel-assessed item (measure: manual) of the {year} rubric',
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
  MJ005: '建议另存为“CSV UTF-8”；若编码不是 GB18030，用 --encoding 指定',
  MJ006: '用 --encoding 指定正确的编码（utf-8、gb18030、utf-16le）',
  MJ007: '拆分文件，或用 --max-file-size（或 mj.yaml 的 limits: max_file_mb）调高上限',
  MJ008: 'mj.yaml 中的路径必须在数据目录之内',
  MJ010: '删除或改名其中一个',
  MJ014: '恢复名册的内容（例如用 git 找回上一版：git checkout HEAD~1 -- {file}），或检查导出是否完整',
  MJ012: '以后另存时选“CSV UTF-8（逗号分隔）”，行尾就是通常的格式',
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
  MJ312: '填写支部的编号',
  MJ313: 'members.csv 中的会员编号被 Excel 当成了数字。用 Excel 编辑前，先选中“会员编号”列，设置单元格格式为“文本”，再粘贴或输入编号；打开 CSV 时用“数据 → 自文本/CSV”导入，并把该列设为“文本”。然后把编号改回原样（如 {ref}）',
  MJ401: '考评组评分文件只能给 measure: manual 的评分项打分',
  MJ402: '得分要在该项的 min 与 max 之间',
  MJ403: '新建 rubrics/{year}.yaml，或删除该年的考评组评分',
  MJ404: '按 90、80、60、0 这样从高到低排列等级',
  MJ405: '每个评分项的 id 只能用一次',
  MJ408: '在考评组评分文件中为各支部填写该项得分',
  MJ409: '复制上一年的评分表后，记得改标题',
  MJ410: '写成小数或分数，例如 0.1 表示至多十分之一、1/3 表示至多三分之一的考核对象',
  MJ411: '满分要大于 0；上限、档次、补助金额和预算都不能是负数。扣分项把 points 写成负数，不要把 max 写成负数',
  MJ412: '写评分项或基本要求的 id（英文编号），不是名称',
  MJ413: '只能填评分表中该项 values 列出的取值',
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
  MJ005: 'save it as "CSV UTF-8"; if it is not GB18030, name the encoding with --encoding',
  MJ006: 'name the right encoding with --encoding (utf-8, gb18030, utf-16le)',
  MJ007: 'split the file, or raise the limit with --max-file-size (or limits: max_file_mb in mj.yaml)',
  MJ008: 'paths in mj.yaml must stay inside the dataset folder',
  MJ010: 'remove or rename one of them',
  MJ014: 'restore the roster (e.g. the last version from git: git checkout HEAD~1 -- {file}), or check that the export is complete',
  MJ012: 'next time save as "CSV UTF-8 (Comma delimited)" for the usual line ends',
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
  MJ312: 'give the id of a branch',
  MJ313: 'Excel took the member ids in members.csv for numbers. Before editing in Excel, format the member-id column as Text, then paste or type the ids; open a CSV with Data → From Text/CSV and set that column to Text. Then restore the ids (e.g. {ref})',
  MJ401: 'the assessments file scores only items with measure: manual',
  MJ402: 'points must lie between the item\'s min and max',
  MJ403: 'create rubrics/{year}.yaml, or remove that year\'s assessments',
  MJ404: 'list the grades from the highest threshold down, e.g. 90, 80, 60, 0',
  MJ405: 'each rubric item id may be used once',
  MJ408: 'add that item\'s points for each branch in the assessments file',
  MJ409: 'after copying last year\'s rubric, update its title',
  MJ410: 'write a decimal or a fraction, e.g. 0.1 for at most a tenth, 1/3 for at most a third of the subjects',
  MJ411: 'full marks are above 0; caps, tiers, subsidy amounts and the budget are never negative. A deduction has negative points, not a negative max',
  MJ412: 'write the id of the item or requirement, not its name',
  MJ413: 'write one of the values the rubric lists for the item',
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
