// The notices pages' words. Every English key has its Simplified Chinese twin (the type checks it).

export const noticesEn = {
  title: 'Notices',
};

export const noticesZh: typeof noticesEn = {
  title: 'notices',
};
