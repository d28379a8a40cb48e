// "My account": change my password and my sessions. Every English key has its Simplified
// Chinese twin (the type checks it).

export const accountEn = {
  menuLink: 'My account',
  title: 'My account',
  description: 'Your password and where you are signed in.',
  changePassword: 'Change my password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  newPasswordAgain: 'New password again',
  newPasswordHint:
    'At least 10 characters, not your name or user name, not a common password. A few words you will remember make a good one.',
  mismatch: 'The two new passwords are not the same.',
  save: 'Change password',
  changed: 'Your password is changed. You stay signed in here; every other session has ended.',
  weakness: {
    too_short: 'A password needs at least 10 characters.',
    contains_name: 'A password must not contain your user name or your name.',
    common: 'That is one of the most common passwords; choose one nobody would guess.',
    repeated: 'A password cannot be one character repeated.',
  },
  mustChangeTitle: 'Choose a new password',
  mustChangeBody:
    'The community office reset your password. The one you signed in with is temporary: choose a password of your own, known only to you, before going on.',
  mustChangeSave: 'Save and continue',
  sessionsTitle: 'Where you are signed in',
  sessionsNone: 'No other sessions.',
  started: 'Signed in',
  lastSeen: 'Last used',
  from: 'From',
  thisSession: 'This session',
  revoke: 'Sign out there',
  revoked: 'That session has ended.',
};

export const accountZh: typeof accountEn = {
  menuLink: '我的账号',
  title: '我的账号',
  description: '您的密码，以及您在哪里登录着。',
  changePassword: '修改我的密码',
  currentPassword: '当前密码',
  newPassword: '新密码',
  newPasswordAgain: '再次输入新密码',
  newPasswordHint:
    '至少 10 个字符，不能包含您的姓名或用户名，不能是常见密码。几个您记得住的词组合起来就很好。',
  mismatch: '两次输入的新密码不一致。',
  save: '修改密码',
  changed: '密码已修改。您在这里保持登录，其他所有登录会话已结束。',
  weakness: {
    too_short: '密码至少需要 10 个字符。',
    contains_name: '密码不能包含您的用户名或姓名。',
    common: '这是最常见的密码之一，请选一个别人猜不到的。',
    repeated: '密码不能是同一个字符重复。',
  },
  mustChangeTitle: '设置新密码',
  mustChangeBody:
    '社区办公室重置了您的密码。您刚才登录用的只是临时密码：请先设置一个只有您自己知道的新密码，再继续使用。',
  mustChangeSave: '保存并继续',
  sessionsTitle: '您在哪里登录着',
  sessionsNone: '没有其他登录会话。',
  started: '登录时间',
  lastSeen: '最近使用',
  from: '来源',
  thisSession: '当前会话',
  revoke: '在那里退出',
  revoked: '该会话已结束。',
};
