// The certificates pages' words. Every English key has its Simplified Chinese twin (the type checks it).

export const certificatesEn = {
  title: 'Certificates',
};

export const certificatesZh: typeof certificatesEn = {
  title: 'certificates',
};
