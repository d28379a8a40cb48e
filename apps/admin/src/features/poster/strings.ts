// The poster pages' words. Every English key has its Simplified Chinese twin (the type checks it).

export const posterEn = {
  title: 'Poster',
};

export const posterZh: typeof posterEn = {
  title: 'poster',
};
