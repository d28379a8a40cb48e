import { describe, expect, it } from 'vitest';
import { emptyLinkProxy, readLinkProxy } from './link-proxy-form';

const family = {
  ...emptyLinkProxy,
  name: ' 王小明 ',
  phone: '138 0013-8000',
  pin: '4826',
  pinAgain: '4826',
  reason: '行动不便，儿子代办',
};

describe('reading the link-a-proxy form', () => {
  it('registers a family member with their phone in digits and a trimmed name', () => {
    expect(readLinkProxy(family)).toEqual({
      proxy: { family: { name: '王小明', phone: '13800138000', pin: '4826' } },
      reason: '行动不便，儿子代办',
    });
  });

  it('points at every field that is wrong, and asks for a reason', () => {
    expect(readLinkProxy({ ...family, name: '', phone: '12', pin: '48', reason: ' ' })).toEqual({
      errors: ['reason', 'name', 'phone', 'pin'],
    });
  });

  it('refuses two PINs that differ', () => {
    expect(readLinkProxy({ ...family, pinAgain: '4827' })).toEqual({ errors: ['pinAgain'] });
  });

  it('links another resident by card number alone, ignoring the family fields', () => {
    expect(
      readLinkProxy({
        ...emptyLinkProxy,
        kind: 'resident',
        cardNumber: ' Q0002 ',
        reason: '邻居代办',
      }),
    ).toEqual({ proxy: { cardNumber: 'Q0002' }, reason: '邻居代办' });
    expect(readLinkProxy({ ...emptyLinkProxy, kind: 'resident', reason: '邻居代办' })).toEqual({
      errors: ['cardNumber'],
    });
  });
});
