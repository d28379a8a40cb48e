// A reward's photo in the reward dialog. Under `rewards.photo`.

export const rewardPhotoEn = {
  title: 'Photo',
  hint: 'Shown at the kiosk instead of the kind’s icon. JPEG, PNG or WebP, at most 5 MB; Tally makes it smaller. Saved at once.',
  saveFirst: 'Save the reward first, then add its photo.',
  none: 'No photo: the kiosk shows the kind’s icon.',
  upload: 'Upload a photo',
  replace: 'Replace the photo',
  remove: 'Remove the photo',
  alt: 'Photo of {{name}}',
  saved: 'Photo saved.',
  removed: 'Photo removed.',
};

export const rewardPhotoZh: typeof rewardPhotoEn = {
  title: '照片',
  hint: '在自助机上代替类别图标显示。支持 JPEG、PNG 或 WebP，最大 5 MB，系统会自动缩小。选择后立即保存。',
  saveFirst: '请先保存奖励，再添加照片。',
  none: '暂无照片：自助机显示类别图标。',
  upload: '上传照片',
  replace: '更换照片',
  remove: '删除照片',
  alt: '{{name}}的照片',
  saved: '照片已保存。',
  removed: '照片已删除。',
};
