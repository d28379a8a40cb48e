// The corrections pages' words. Every English key has its Simplified Chinese twin (the type checks it).

export const correctionsEn = {
  title: 'Corrections',
};

export const correctionsZh: typeof correctionsEn = {
  title: 'corrections',
};
