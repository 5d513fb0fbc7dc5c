import { useEffect, useState, type FormEvent } from 'react';
import type { ChatRules, RuleAction } from '../../../../shared/domain/chat';
import { useStudio } from '../../store';
import { selectRules, selectRulesError, selectRulesSavedAt, selectRulesSaving, selectSaveRules } from '../../store/selectors/moderation';
import { fromRulesForm, toRulesForm, type RulesForm } from './rulesForm';
import { CheckSetting } from '../../components/CheckSetting';

const ACTION_LABEL: Record<RuleAction, string> = { off: 'Off', hold: 'Hold for review', block: 'Block' };

/** Chat rules on the Settings page (owner only): what is held for review, blocked or limited. */
export function ChatRulesCard() {
  const rules = useStudio(selectRules);
  const error = useStudio(selectRulesError);
  useEffect(() => {
    void useStudio.getState().loadRules();
  }, []);
  if (!rules) {
    return (
      <section className="card" aria-labelledby="chat-rules-heading">
        <h2 id="chat-rules-heading">Chat rules</h2>
        <p className={error ? 'form-error' : 'hint'} role="status">
          {error ? error.message : 'Loading chat rules…'}
        </p>
      </section>
    );
  }
  // Rules changed elsewhere (another window, a moderator console) start the form afresh.
  return <RulesEditor key={JSON.stringify(rules)} rules={rules} />;
}

function RulesEditor({ rules }: { rules: ChatRules }) {
  const saving = useStudio(selectRulesSaving);
  const savedAt = useStudio(selectRulesSavedAt);
  const serverError = useStudio(selectRulesError);
  const saveRules = useStudio(selectSaveRules);
  const [form, setForm] = useState<RulesForm>(() => toRulesForm(rules));
  const [problem, setProblem] = useState<string | null>(null);

  const set = <K extends keyof RulesForm>(key: K, value: RulesForm[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    setProblem(null);
  };
  const text = (key: 'capsPercent' | 'capsMinLetters' | 'slowModeSeconds' | 'rateMessages' | 'ratePerSeconds' | 'maxLength') => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) => set(key, event.target.value),
  });
  const actionSelect = (key: 'repeatedText' | 'capsAction') => (
    <select value={form[key]} onChange={(event) => set(key, event.target.value as RuleAction)}>
      {(['off', 'hold', 'block'] as const).map((action) => (
        <option key={action} value={action}>
          {ACTION_LABEL[action]}
        </option>
      ))}
    </select>
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = fromRulesForm(form);
    if (!parsed.ok) {
      setProblem(parsed.error);
      return;
    }
    await saveRules(parsed.rules);
  };

  const status = problem ?? serverError?.message ?? (savedAt ? 'Chat rules saved.' : '');
  return (
    <form className="card chat-rules" onSubmit={submit} aria-labelledby="chat-rules-heading" noValidate>
      <h2 id="chat-rules-heading">Chat rules</h2>
      <p className="hint">
        Held messages wait in the moderation queue; blocked ones are refused with a reason. Hosts and moderators are exempt.
      </p>

      <fieldset className="rules-group">
        <legend>Blocked terms</legend>
        <label>
          Blocked words
          <textarea
            rows={3}
            value={form.blockedWords}
            onChange={(event) => set('blockedWords', event.target.value)}
            placeholder="One per line or separated by commas"
            spellCheck={false}
          />
          <span className="hint">Whole words, any capitalisation.</span>
        </label>
        <label>
          Blocked patterns
          <textarea
            rows={2}
            value={form.blockedPatterns}
            onChange={(event) => set('blockedPatterns', event.target.value)}
            placeholder="Regular expressions, one per line"
            spellCheck={false}
          />
        </label>
        <label>
          When a message has a blocked term
          <select value={form.blockedAction} onChange={(event) => set('blockedAction', event.target.value as 'hold' | 'block')}>
            <option value="hold">Hold for review</option>
            <option value="block">Block</option>
          </select>
        </label>
      </fieldset>

      <div className="rules-grid">
        <label>
          Links
          <select value={form.links} onChange={(event) => set('links', event.target.value as RulesForm['links'])}>
            <option value="allow">Allow</option>
            <option value="hold">Hold for review</option>
            <option value="block">Block</option>
          </select>
        </label>
        <label>
          Repeated text
          {actionSelect('repeatedText')}
        </label>
        <label>
          Shouting (capital letters)
          {actionSelect('capsAction')}
        </label>
        <label>
          Capital letters share (%)
          <input type="number" min={30} max={100} {...text('capsPercent')} disabled={form.capsAction === 'off'} />
        </label>
        <label>
          Ignore messages shorter than (letters)
          <input type="number" min={1} max={200} {...text('capsMinLetters')} disabled={form.capsAction === 'off'} />
        </label>
        <label>
          Longest message (characters)
          <input type="number" min={1} max={500} {...text('maxLength')} />
        </label>
      </div>

      <CheckSetting checked={form.holdFirstMessages} onChange={(hold) => set('holdFirstMessages', hold)}>
        Hold messages from new chatters until one is approved
      </CheckSetting>

      <div className="rules-grid">
        <label>
          Slow mode (seconds, 0 = off)
          <input type="number" min={0} max={3600} {...text('slowModeSeconds')} />
        </label>
        <label>
          Rate limit: messages
          <input type="number" min={1} max={1000} {...text('rateMessages')} />
        </label>
        <label>
          Rate limit: per seconds
          <input type="number" min={1} max={600} {...text('ratePerSeconds')} />
        </label>
      </div>

      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save chat rules'}
        </button>
        <span role="status" aria-live="polite" className={problem || serverError ? 'form-error' : 'form-ok'}>
          {status}
        </span>
      </div>
    </form>
  );
}
