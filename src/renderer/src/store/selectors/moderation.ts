import type { StudioState } from '../state/studioState';

export const selectSessionRole = (state: StudioState) => state.sessionRole;

export const selectQueue = (state: StudioState) => state.queue;

export const selectQueueCount = (state: StudioState) => state.queue.length;

export const selectCreateModeratorLink = (state: StudioState) => state.createModeratorLink;

export const selectAnnouncement = (state: StudioState) => state.announcement;

export const selectAudit = (state: StudioState) => state.audit;

export const selectRules = (state: StudioState) => state.rules;

export const selectRulesError = (state: StudioState) => state.rulesError;

export const selectRulesSaving = (state: StudioState) => state.rulesSaving;

export const selectRulesSavedAt = (state: StudioState) => state.rulesSavedAt;

export const selectSaveRules = (state: StudioState) => state.saveRules;

/** Grows with every moderator action (bans included), so lists of bans reload on it. */
export const selectAuditSize = (state: StudioState) => state.audit.length;

export const selectModerate = (state: StudioState) => state.moderate;
