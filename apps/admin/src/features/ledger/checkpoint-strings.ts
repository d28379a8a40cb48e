// The words of ledger checkpoints and of what verification finds. Every English key has its
// Simplified Chinese twin (the type checks it).

export const checkpointsEn = {
  title: 'Checkpoints',
  description:
    'Every hour the service signs the ledger as it stands with a key the database does not hold. Keep a checkpoint’s code (the monthly poster prints one) or its file: verifying with it shows whether any entry it vouches for was later removed or rewritten.',
  latest: 'Newest checkpoint',
  latestDetails: 'Vouches for entries 1 to {{sequence}} · signed {{signedAt}}',
  none: 'No checkpoint yet: the service signs the first within the hour.',
  download: 'Download the checkpoint file',
  downloaded: '{{fileName}} downloaded.',
  signNow: 'Sign the ledger now',
  signing: 'Signing…',
  signed: 'Checkpoint {{code}} signed.',
  keptTitle: 'Check against a checkpoint you kept (optional)',
  code: 'Checkpoint code',
  codeHint: 'As printed on the poster, e.g. #1234-K7M2-Q9XT.',
  codeTypo: 'This code has a typing mistake: compare it with the poster.',
  file: 'Or choose a checkpoint file',
  fileChosen: 'File: checkpoint {{code}}',
  chooseFile: 'Choose a file…',
  fileUnreadable: 'This file is not a Tally checkpoint file.',
  clear: 'Clear',
  anchored:
    'Held to checkpoint {{code}} (entries 1 to {{sequence}}), which still matches; every entry after it carries the service’s seal.',
  kept: 'The checkpoint you gave, {{code}} (entries 1 to {{sequence}}), still matches.',
  noAnchor:
    'No signed checkpoint yet: the chain and balances agree, but nothing outside the database vouches for them.',
  findingsTitle: 'What was found',
  findings: {
    entry_changed:
      'Entry #{{sequence}} no longer matches what Tally wrote: it was changed after it was recorded.',
    account_changed:
      'Entry #{{sequence}} posted to account {{account}}, whose owner, unit or floor has been changed since: the money would now belong to someone else.',
    entry_missing: 'Entry #{{sequence}} is missing: the journal jumps over it, so it was deleted.',
    entry_unexpected:
      'Entry #{{sequence}} does not belong to the chain: it lies beyond the chain’s head, or the head no longer names it.',
    entry_not_sealed:
      'Entry #{{sequence}} was not written by Tally: it carries no seal of the service, where every entry must carry one.',
    ledger_truncated:
      'The ledger ends at entry #{{head}}, but checkpoint {{code}}{{signed}} vouches for {{vouched}} entries: entries #{{sequence}} to #{{vouched}} were removed.',
    checkpoint_mismatch:
      'Entry #{{sequence}} no longer has the hash checkpoint {{code}}{{signed}} signed: it, or an entry before it, was rewritten after the checkpoint was made.',
    checkpoint_forged:
      'Checkpoint {{code}} in the database does not carry a valid signature of this Tally’s key: someone else wrote it into the database. It was ignored.',
    checkpoint_other_key:
      'Checkpoint {{code}} in the database was signed with another key, so this Tally cannot check it. It was ignored.',
    account_misowned:
      'Account {{account}} is recorded as someone’s, but the account itself names another owner: it was reassigned in the database.',
  },
  signedOn: ' of {{date}}',
  fromOffice: ' (the one you gave)',
};

export const checkpointsZh: typeof checkpointsEn = {
  title: '账本检查点',
  description:
    '服务每小时用数据库之外保存的密钥为账本当前状态签名一次。请保存检查点的编码（月度海报上印有一个）或检查点文件：用它校验，就能看出它所担保的记录后来是否被删除或改写。',
  latest: '最新检查点',
  latestDetails: '担保第 1 至 {{sequence}} 笔 · 签署于 {{signedAt}}',
  none: '还没有检查点：服务会在一小时内签署第一个。',
  download: '下载检查点文件',
  downloaded: '已下载 {{fileName}}。',
  signNow: '立即为账本签名',
  signing: '正在签名…',
  signed: '已签署检查点 {{code}}。',
  keptTitle: '用您保存的检查点核对（可选）',
  code: '检查点编码',
  codeHint: '按海报上印的填写，例如 #1234-K7M2-Q9XT。',
  codeTypo: '这个编码有输入错误，请与海报上的核对。',
  file: '或选择检查点文件',
  fileChosen: '文件：检查点 {{code}}',
  chooseFile: '选择文件…',
  fileUnreadable: '这不是 Tally 的检查点文件。',
  clear: '清除',
  anchored:
    '已对照检查点 {{code}}（第 1 至 {{sequence}} 笔），仍然一致；其后的每一笔都带有服务的封签。',
  kept: '您提供的检查点 {{code}}（第 1 至 {{sequence}} 笔）仍然一致。',
  noAnchor: '还没有签名的检查点：哈希链和余额一致，但数据库之外还没有任何东西为它们担保。',
  findingsTitle: '发现的问题',
  findings: {
    entry_changed: '第 {{sequence}} 笔与 Tally 写入时不符：记录后被改动过。',
    account_changed:
      '第 {{sequence}} 笔记入的账户 {{account}}，其所有人、单位或下限后来被改动：这笔钱现在看起来属于别人。',
    entry_missing: '第 {{sequence}} 笔缺失：流水跳过了它，说明它被删除了。',
    entry_unexpected: '第 {{sequence}} 笔不属于这条链：它位于链头之后，或链头已不再指向它。',
    entry_not_sealed: '第 {{sequence}} 笔不是 Tally 写入的：它没有服务的封签，而每一笔都必须有。',
    ledger_truncated:
      '账本止于第 {{head}} 笔，但检查点 {{code}}{{signed}}担保了 {{vouched}} 笔：第 {{sequence}} 至 {{vouched}} 笔被删除了。',
    checkpoint_mismatch:
      '第 {{sequence}} 笔的哈希已不是检查点 {{code}}{{signed}}签署的那个：检查点之后，这一笔或它之前的某一笔被改写了。',
    checkpoint_forged:
      '数据库中的检查点 {{code}} 没有本系统密钥的有效签名：它是别人写进数据库的，已被忽略。',
    checkpoint_other_key:
      '数据库中的检查点 {{code}} 是用另一把密钥签署的，本系统无法核对，已被忽略。',
    account_misowned:
      '账户 {{account}} 被记在某人名下，但账户本身写的是另一位所有人：它在数据库中被改派了。',
  },
  signedOn: '（{{date}}）',
  fromOffice: '（您提供的）',
};
