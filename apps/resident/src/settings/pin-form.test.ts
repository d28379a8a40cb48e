import { describe, expect, it } from 'vitest';
import { pinProblem } from './pin-form';

describe('a new PIN', () => {
  it('is 4 to 6 digits, typed the same twice, and not the old one', () => {
    expect(pinProblem({ oldPin: '1234', newPin: '12a4', again: '12a4' })).toBe('pinShape');
    expect(pinProblem({ oldPin: '1234', newPin: '1234567', again: '1234567' })).toBe('pinShape');
    expect(pinProblem({ oldPin: '1234', newPin: '4071', again: '4017' })).toBe('pinMismatch');
    expect(pinProblem({ oldPin: '4071', newPin: '4071', again: '4071' })).toBe('pinSame');
    expect(pinProblem({ oldPin: '1234', newPin: '4071', again: '4071' })).toBeNull();
  });
});
