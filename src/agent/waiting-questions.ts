// Questions that could not be answered until the user signed in: one per user
// (the newest wins), bounded so users who never sign in cannot grow memory.
export class WaitingQuestions {
  private readonly byUser = new Map<string, string>();

  constructor(private readonly max = 10_000) {}

  hold(userKey: string, text: string): void {
    this.byUser.delete(userKey);
    if (this.byUser.size >= this.max) {
      const oldest = this.byUser.keys().next().value;
      if (oldest !== undefined) this.byUser.delete(oldest);
    }
    this.byUser.set(userKey, text);
  }

  /** The waiting question, removed so it is answered at most once. */
  take(userKey: string): string | undefined {
    const text = this.byUser.get(userKey);
    this.byUser.delete(userKey);
    return text;
  }
}
