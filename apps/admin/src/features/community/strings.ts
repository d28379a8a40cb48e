// The community page's words. Every English key has its Simplified Chinese twin (the type checks it).

export const communityEn = {
  title: 'Community',
  description:
    'The community’s own name, in each language: member cards print it in the reader’s language.',
  names: 'Name',
  nameZh: 'In Chinese',
  nameEn: 'In English',
  notGiven: 'Not given: readers see the other name.',
  timeZone: 'Time zone',
  timeZoneHint: 'Calendar days (certificates, reports, the notice board) are counted in it.',
  since: 'In Tally since',
  rename: 'Rename',
  renameTitle: 'Rename the community',
  renamed: 'The community is now called {{name}}.',
  readOnly: 'The community office changes the community’s name.',
};

export const communityZh: typeof communityEn = {
  title: '社区',
  description: '社区自己的名称，中英文各一：会员卡按读者的语言印出。',
  names: '名称',
  nameZh: '中文',
  nameEn: '英文',
  notGiven: '未填写：读者会看到另一种语言的名称。',
  timeZone: '时区',
  timeZoneHint: '服务证明、报表和公示栏的日期都按此时区计算。',
  since: '启用日期',
  rename: '更改名称',
  renameTitle: '更改社区名称',
  renamed: '社区名称已改为“{{name}}”。',
  readOnly: '社区名称由社区办公室更改。',
};
