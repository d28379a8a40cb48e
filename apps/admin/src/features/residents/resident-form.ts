/** What the office types to issue a member card, as text. */
export type ResidentValues = {
  name: string;
  displayName: string;
  birthYear: string;
  building: string;
  cardNumber: string;
  pin: string;
  showName: boolean;
};

export type ResidentError = 'name' | 'cardNumber' | 'pin' | 'birthYear' | 'building';
export type ResidentErrors = Partial<Record<keyof ResidentValues, ResidentError>>;

export const emptyResident: ResidentValues = {
  name: '',
  displayName: '',
  birthYear: '',
  building: '',
  cardNumber: '',
  pin: '',
  showName: false,
};

export const CARD_NUMBER = /^[A-Za-z0-9-]{1,32}$/;
export const PIN = /^\d{4,6}$/;

/** The domain's rules (card, PIN, birth year), checked before the call so errors sit by the field. */
export function validateResident(values: ResidentValues, { withPin = true } = {}): ResidentErrors {
  const errors: ResidentErrors = {};
  if (!values.name.trim() || values.name.trim().length > 100) errors.name = 'name';
  if (!CARD_NUMBER.test(values.cardNumber.trim())) errors.cardNumber = 'cardNumber';
  if (withPin && !PIN.test(values.pin)) errors.pin = 'pin';
  if (values.birthYear.trim()) {
    const year = Number(values.birthYear);
    if (!Number.isInteger(year) || year < 1900 || year > 2100) errors.birthYear = 'birthYear';
  }
  if (values.building.trim().length > 50) errors.building = 'building';
  return errors;
}

export function toCreateResidentInput(values: ResidentValues) {
  return {
    name: values.name.trim(),
    ...(values.displayName.trim() ? { displayName: values.displayName.trim() } : {}),
    ...(values.birthYear.trim() ? { birthYear: Number(values.birthYear) } : {}),
    ...(values.building.trim() ? { building: values.building.trim() } : {}),
    cardNumber: values.cardNumber.trim(),
    pin: values.pin,
    showName: values.showName,
  };
}
