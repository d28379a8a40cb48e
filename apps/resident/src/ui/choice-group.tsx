import type { ReactNode } from 'react';

/**
 * A question answered by one tap: its legend and a button per choice, the chosen one pressed
 * (`aria-pressed`). `layout` is the row's class: `tabs` wraps like the app's tabs, `choices`
 * and `actions` as those rows do.
 */
export function ChoiceGroup<T extends string | number>({
  legend,
  choices,
  chosen,
  labelOf,
  onChoose,
  isDisabled,
  layout = 'tabs',
}: {
  legend: ReactNode;
  choices: readonly T[];
  chosen: T | null;
  labelOf: (choice: T) => ReactNode;
  onChoose: (choice: T) => void;
  isDisabled?: (choice: T) => boolean;
  layout?: 'tabs' | 'choices' | 'actions';
}) {
  return (
    <fieldset className="stack bare">
      <legend className="field-label">{legend}</legend>
      <div className={layout}>
        {choices.map((choice) => (
          <button
            key={choice}
            type="button"
            className="button button-secondary"
            aria-pressed={chosen === choice}
            disabled={isDisabled?.(choice) ?? false}
            onClick={() => onChoose(choice)}
          >
            {labelOf(choice)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
