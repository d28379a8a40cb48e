import { describe, expect, it } from 'vitest';
import { pinProblem } from './pin-form';

describe('a new PIN', () => {
  it('is 4 to 6 digits, typed the same twice', () => {
    expect(pinProblem({ oldPin: '1234', newPin: '12a4', again: '12a4' })).toBe('pinShape');
    expect(pinProblem({ oldPin: '1234', newPin: '4071', again: '4017' })).toBe('pinMismatch');
    expect(pinProblem({ oldPin: '4071', newPin: '4071', again: '4071' })).toBe('pinSame');
    expect(pinProblem({ oldPin: '1234', newPin: '4071', again: '4071' })).toBeNull();
  });

  it('is not one a guesser tries first', () => {
    expect(pinProblem({ oldPin: '1234', newPin: '0000', again: '0000' })).toBe('weak.same_digits');
    expect(pinProblem({ oldPin: '1234', newPin: '9876', again: '9876' })).toBe('weak.sequence');
    expect(pinProblem({ oldPin: '1234', newPin: '1212', again: '1212' })).toBe('weak.repeated');
  });
});
