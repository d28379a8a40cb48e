// The reports pages' words. Every English key has its Simplified Chinese twin (the type checks it).

export const reportsEn = {
  title: 'Reports',
};

export const reportsZh: typeof reportsEn = {
  title: 'reports',
};
