import { ChatRulesSchema, DEFAULT_CHAT_RULES, type ChatRules, type ChatRulesUpdate } from '../../shared/domain/chat';
import { Emitter, type EventArgs } from '../../shared/emitter';
import type { Database } from '../db/openDatabase';
import { readSetting, writeSetting } from '../db/settings/settingsRows';
import { assertUsablePatterns, patternProblem } from './blockedPatterns';
import { CompiledRules } from './rules';

export const CHAT_RULES_KEY = 'chat.rules';

export interface RulesEvents {
  /** The rules after a saved change. */
  changed: ChatRules;
}

/**
 * Chat rules persisted in the settings table, compiled once per change. A stored value that no
 * longer parses (written by another build) falls back to the defaults rather than blocking chat.
 */
export class RulesStore {
  private compiled: CompiledRules;
  private readonly events = new Emitter<RulesEvents>();

  constructor(private readonly db: Database) {
    this.compiled = new CompiledRules(this.load());
  }

  private load(): ChatRules {
    const stored = readSetting(this.db, CHAT_RULES_KEY);
    const parsed = ChatRulesSchema.safeParse(stored);
    if (!parsed.success) return DEFAULT_CHAT_RULES;
    // Rules saved before patterns ran on RE2 may hold one it cannot compile (a lookahead): drop
    // that pattern rather than the whole rule set, so chat still starts.
    const patterns = parsed.data.blockedTerms.patterns.filter((pattern) => patternProblem(pattern) === null);
    return { ...parsed.data, blockedTerms: { ...parsed.data.blockedTerms, patterns } };
  }

  get(): ChatRules {
    return this.compiled.rules;
  }

  current(): CompiledRules {
    return this.compiled;
  }

  /** Applies a validated partial update and returns the full rules. */
  update(update: ChatRulesUpdate): ChatRules {
    const current = this.get();
    const next = ChatRulesSchema.parse({
      ...current,
      ...update,
      blockedTerms: { ...current.blockedTerms, ...update.blockedTerms },
      caps: { ...current.caps, ...update.caps },
      rateLimit: { ...current.rateLimit, ...update.rateLimit },
    });
    // Before anything is written: a refused change leaves the saved rules as they were.
    assertUsablePatterns(next.blockedTerms.patterns);
    writeSetting(this.db, CHAT_RULES_KEY, next);
    this.compiled = new CompiledRules(next);
    this.events.emit('changed', next);
    return next;
  }

  on<E extends keyof RulesEvents>(event: E, listener: (...args: EventArgs<RulesEvents[E]>) => void): () => void {
    return this.events.on(event, listener);
  }
}
