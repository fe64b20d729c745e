/** An answer this many changes old or fewer may stand in while a fresh one is computed. */
export const MAX_CHANGES_BEHIND = 50;

interface Refresh {
  /** The refresh asked for while one ran: the latest such request, run next. */
  next: (() => Promise<unknown>) | null;
}

/**
 * The last fresh whole-workspace answer per workspace and parameters, for questions whose
 * fresh answer takes seconds on a large workspace (power brokers: betweenness). After an
 * edit the last answer is given at once, saying on what version it was computed and how
 * many changes it is behind, and a fresh one is computed in the background: one refresh at
 * a time per workspace, so a burst of edits and questions costs one computation at a time,
 * not one per question. Kept small and in process; least recently used goes first.
 */
export class RecentAnswers<V extends { dataVersion: number; actorCount: number }> {
  private readonly answers = new Map<string, V>();
  private readonly running = new Map<string, Refresh>();
  /** Background refreshes started since the process started. */
  refreshes = 0;

  constructor(
    /** Only a workspace with more actors than this answers from its last measures. */
    private readonly reuseAbove: number,
    private readonly maxEntries = 100,
  ) {}

  /** The last answer for these parameters if it may stand in at `seq`, with how far behind it is. */
  recent(ws: string, params: string, seq: number): { answer: V; changesSince: number } | undefined {
    const answer = this.answers.get(`${ws}|${params}`);
    if (!answer || answer.actorCount <= this.reuseAbove) return undefined;
    const changesSince = seq - answer.dataVersion;
    if (changesSince < 0 || changesSince > MAX_CHANGES_BEHIND) return undefined;
    return { answer, changesSince };
  }

  remember(ws: string, params: string, answer: V): void {
    const key = `${ws}|${params}`;
    const known = this.answers.get(key);
    if (known && known.dataVersion > answer.dataVersion) return;
    this.answers.delete(key);
    this.answers.set(key, answer);
    while (this.answers.size > this.maxEntries) this.answers.delete(this.answers.keys().next().value!);
  }

  isRefreshing(ws: string): boolean {
    return this.running.has(ws);
  }

  /**
   * Runs `work` in the background, or after the workspace's running refresh (replacing any
   * refresh already waiting). A failed refresh is dropped: the next question tries again.
   */
  refresh(ws: string, work: () => Promise<unknown>): void {
    const running = this.running.get(ws);
    if (running) {
      running.next = work;
      return;
    }
    const state: Refresh = { next: null };
    this.running.set(ws, state);
    const step = (job: () => Promise<unknown>) => {
      this.refreshes++;
      job()
        .catch(() => {})
        .finally(() => {
          const next = state.next;
          state.next = null;
          if (next) step(next);
          else this.running.delete(ws);
        });
    };
    step(work);
  }
}
