/** Teams allows a bot about one message a second in each conversation. */
export const MIN_INTERVAL_MS = 1000;

/**
 * Spaces the messages the bot sends into each conversation at least
 * `intervalMs` apart; different conversations do not wait for each other.
 */
export class ConversationPacer {
  private readonly next = new Map<string, number>();

  constructor(
    private readonly intervalMs: number = MIN_INTERVAL_MS,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Resolves when a message may be sent into `conversationId`, and books that slot. */
  async wait(conversationId: string): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.next.get(conversationId) ?? now);
    this.next.set(conversationId, slot + this.intervalMs);
    if (slot > now) await this.sleep(slot - now);
  }
}
