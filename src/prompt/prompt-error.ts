// A caller handed the prompt layer something it cannot use safely.
export class PromptError extends Error {
  override readonly name = 'PromptError';
}
