import { NewFamilyMember, PhoneNumber } from '@tally/domain/me';
import { PIN } from './resident-form';

/** What the office types to link a proxy, as text. */
export type LinkProxyValues = {
  kind: 'resident' | 'family';
  cardNumber: string;
  name: string;
  phone: string;
  pin: string;
  pinAgain: string;
  reason: string;
};

export type LinkProxyError = 'cardNumber' | 'name' | 'phone' | 'pin' | 'pinAgain' | 'reason';

export const emptyLinkProxy: LinkProxyValues = {
  kind: 'family',
  cardNumber: '',
  name: '',
  phone: '',
  pin: '',
  pinAgain: '',
  reason: '',
};

type Proxy = { cardNumber: string } | { family: { name: string; phone: string; pin: string } };

/**
 * The domain's rules for a proxy link, checked before the call so each error sits by its
 * field: the fields of the kind chosen (the other kind's are ignored), and a reason.
 */
export function readLinkProxy(
  values: LinkProxyValues,
): { errors: LinkProxyError[] } | { proxy: Proxy; reason: string } {
  const errors: LinkProxyError[] = [];
  const reason = values.reason.trim();
  if (reason.length < 2 || reason.length > 200) errors.push('reason');
  if (values.kind === 'resident') {
    const cardNumber = values.cardNumber.trim();
    if (!cardNumber) errors.push('cardNumber');
    return errors.length > 0 ? { errors } : { proxy: { cardNumber }, reason };
  }
  const name = values.name.trim();
  if (!name || name.length > 100) errors.push('name');
  const phone = PhoneNumber.safeParse(values.phone);
  if (!phone.success) errors.push('phone');
  if (!PIN.test(values.pin)) errors.push('pin');
  else if (values.pin !== values.pinAgain) errors.push('pinAgain');
  if (errors.length > 0 || !phone.success) return { errors };
  const family = NewFamilyMember.parse({ name, phone: phone.data, pin: values.pin });
  return { proxy: { family }, reason };
}
