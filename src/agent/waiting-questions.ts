// Questions that could not be answered until the user signed in: one per sender
// and conversation (the newest wins), bounded so users who never sign in cannot
// grow memory. The key is the sender's binding (tenant, object id, channel user
// id) and the conversation, so only the same sender's sign-in releases it.
export interface WaitingQuestion {
  text: string;
  /** The claims a resource asked for (conditional access) that the next sign-in has to meet. */
  demand?: { claims: string; scopes: string[] };
}

export class WaitingQuestions {
  private readonly byKey = new Map<string, WaitingQuestion>();

  constructor(private readonly max = 10_000) {}

  hold(key: string, question: WaitingQuestion): void {
    this.byKey.delete(key);
    if (this.byKey.size >= this.max) {
      const oldest = this.byKey.keys().next().value;
      if (oldest !== undefined) this.byKey.delete(oldest);
    }
    this.byKey.set(key, question);
  }

  /** The waiting question, left in place (e.g. to read what the sign-in must meet). */
  peek(key: string): WaitingQuestion | undefined {
    return this.byKey.get(key);
  }

  /** The waiting question, removed so it is answered at most once. */
  take(key: string): WaitingQuestion | undefined {
    const question = this.byKey.get(key);
    this.byKey.delete(key);
    return question;
  }
}
