import type { Handlers } from '../api/types';
import type { InviteService } from '../invites/inviteService';
import type { StageService } from './stageService';

type StageMethods =
  | 'invites.create'
  | 'invites.list'
  | 'invites.revoke'
  | 'stage.get'
  | 'stage.move'
  | 'stage.spotlight'
  | 'stage.mute'
  | 'stage.kick'
  | 'stage.promote'
  | 'stage.reportQuality';

export function createStageHandlers(deps: { invites: InviteService; stage: StageService }): Pick<Handlers, StageMethods> {
  const { invites, stage } = deps;
  return {
    'invites.create': (params) => invites.create(params),
    'invites.list': () => invites.list(),
    'invites.revoke': ({ id }, ctx) => invites.revoke(id, ctx.actor),
    'stage.get': () => stage.state(),
    'stage.move': ({ identity, to, slot }) => stage.move(identity, to, slot),
    'stage.spotlight': ({ identity }) => stage.spotlight(identity),
    'stage.mute': ({ identity, kind }, ctx) => stage.mute(identity, kind, ctx),
    'stage.kick': ({ identity, reason }, ctx) => stage.kick(identity, ctx, reason),
    'stage.promote': ({ identity }, ctx) => stage.promote(identity, ctx),
    'stage.reportQuality': ({ identity, quality }) => stage.reportQuality(identity, quality),
  };
}
