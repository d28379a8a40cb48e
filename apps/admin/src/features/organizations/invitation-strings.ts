// The words of invitations to join an organization. Every English key has its Simplified
// Chinese twin (the type checks it).

export const invitationsEn = {
  title: 'Waiting to join',
  queueTitle: 'Invitations waiting for an answer',
  leaderHint:
    'They join once they accept at the kiosk or the community office approves. Until then you see only their card number and a masked name.',
  officeHint:
    'Residents invited by a leader. They accept at the kiosk; approve here if they agreed another way (e.g. on paper), or cancel.',
  none: 'No invitations are waiting.',
  caption: 'Invitations waiting for the resident’s answer, newest first',
  resident: 'Resident',
  organization: 'Organization',
  invitedBy: 'Invited by',
  invitedOn: 'Invited',
  maskedName: 'Name shown once they join',
  approve: 'Approve',
  withdraw: 'Withdraw',
  cancel: 'Cancel invitation',
  approveTitle: 'Approve {{name}} joining {{organization}}?',
  approveExplain:
    'Approve only if the resident agreed to join, for example on a signed form. They become a member at once, and the organization’s leaders can then see their details.',
  approved: '{{name}} has joined {{organization}}.',
  withdrawTitle: 'Withdraw the invitation to {{name}}?',
  withdrawExplain:
    'The resident will no longer see it at the kiosk. You can invite them again later.',
  withdrawn: 'The invitation to {{name}} was withdrawn.',
  keep: 'Keep it',
  rowLabel: '{{action}}: {{name}}, {{organization}}',
  waitingCount_one: '{{count}} invitation waiting',
  waitingCount_other: '{{count}} invitations waiting',
  // The leader's add-member dialog.
  inviteTitle: 'Invite a member',
  howItWorks:
    'The resident joins once they accept at the kiosk or the community office approves. Until then you see only their card number and a masked name.',
  officeAdds:
    'The office’s approval: the resident joins at once. Leaders who want to add someone send an invitation instead.',
  invite: 'Invite',
  sent: 'Invitation sent to {{name}}. They join once they accept at the kiosk or the office approves.',
  alreadyInvited: '{{name}} is already invited and has not answered yet.',
  isMember: 'Already a member',
  isInvited: 'Invitation waiting',
};

export const invitationsZh: typeof invitationsEn = {
  title: '待加入',
  queueTitle: '等待答复的邀请',
  leaderHint:
    '居民在自助机上同意或社区办公室批准后才会加入。在此之前，您只能看到卡号和部分隐去的姓名。',
  officeHint:
    '由组织负责人发出的邀请。居民在自助机上答复；如居民以其他方式同意（例如签署了纸质表格），可在此批准，也可取消。',
  none: '没有等待答复的邀请。',
  caption: '等待居民答复的邀请，最新的在前',
  resident: '居民',
  organization: '组织',
  invitedBy: '邀请人',
  invitedOn: '邀请时间',
  maskedName: '加入后显示姓名',
  approve: '批准',
  withdraw: '撤回',
  cancel: '取消邀请',
  approveTitle: '批准{{name}}加入{{organization}}？',
  approveExplain:
    '请仅在居民已同意加入时批准，例如已签署表格。批准后其立即成为成员，组织负责人随即可以看到其详细信息。',
  approved: '{{name}}已加入{{organization}}。',
  withdrawTitle: '撤回对{{name}}的邀请？',
  withdrawExplain: '居民将不再在自助机上看到此邀请。之后可以再次邀请。',
  withdrawn: '对{{name}}的邀请已撤回。',
  keep: '保留',
  rowLabel: '{{action}}：{{name}}，{{organization}}',
  waitingCount_one: '{{count}} 个邀请待答复',
  waitingCount_other: '{{count}} 个邀请待答复',
  inviteTitle: '邀请成员',
  howItWorks:
    '居民在自助机上同意或社区办公室批准后才会加入。在此之前，您只能看到卡号和部分隐去的姓名。',
  officeAdds: '社区办公室的批准：居民立即加入。组织负责人添加成员时则需发送邀请。',
  invite: '邀请',
  sent: '已向{{name}}发送邀请。居民在自助机上同意或社区办公室批准后即加入。',
  alreadyInvited: '已邀请{{name}}，尚未答复。',
  isMember: '已是成员',
  isInvited: '邀请待答复',
};
