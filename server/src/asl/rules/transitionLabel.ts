import type { Transition } from './transitions';

/** How a transition's field is named in messages: `Next`, `Default`, `Choices[1].Next`, `Catch[0].Next`. */
export function transitionLabel(transition: Transition): string {
  return transition.kind === 'Choice'
    ? 'The rule\'s "Next"'
    : transition.kind === 'Catch'
      ? 'The catcher\'s "Next"'
      : `"${transition.kind}"`;
}
