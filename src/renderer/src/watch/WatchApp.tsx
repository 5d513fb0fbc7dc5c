import { useMemo } from 'react';
import { ProgramHighlight } from '../features/chat/viewer/ProgramHighlight';
import { ViewerChat } from '../features/chat/viewer/ViewerChat';
import { AudioSinks } from './AudioSinks';
import { ProgramView } from './ProgramView';
import { hostView, programTiles } from './programLayout';
import { storedChatName } from '../features/chat/viewer/viewerChatToken';
import { RaiseHand } from './RaiseHand';
import { StageGrid } from './StageGrid';
import { stageSeats } from './stageTiles';
import { StatusPanel } from './StatusPanel';
import type { WatchController } from './watchController';
import { WatchHeader } from './WatchHeader';
import { WatchLayout } from './WatchLayout';
import { useWatch } from './watchStore';

export interface WatchAppProps {
  controller: WatchController;
}

/** The viewer page: selects from the store and hands plain props to the pieces. */
export function WatchApp({ controller }: WatchAppProps) {
  const phase = useWatch((s) => s.phase);
  const program = useWatch((s) => s.program);
  const participants = useWatch((s) => s.participants);
  const playbackBlocked = useWatch((s) => s.playbackBlocked);
  const hand = useWatch((s) => s.hand);
  const host = useMemo(() => hostView(participants), [participants]);
  const tiles = useMemo(() => (program ? programTiles(program.layout, host) : []), [program, host]);
  const seats = useMemo(() => stageSeats(program?.stage, participants, null), [program, participants]);
  const onAir = phase.kind === 'live' || phase.kind === 'reconnecting';

  const stage =
    onAir && program ? (
      <>
        <ProgramView
          layout={program.layout}
          tiles={tiles}
          host={host}
          reconnecting={phase.kind === 'reconnecting'}
          playbackBlocked={playbackBlocked}
          onUnmute={() => void controller.unmute()}
          attach={controller.attach}
        >
          <ProgramHighlight />
        </ProgramView>
        {seats.length > 0 && <StageGrid seats={seats} attach={controller.attach} />}
        {program.raisedHands && phase.kind === 'live' && (
          <RaiseHand hand={hand} suggestedName={storedChatName() ?? ''} onRaise={(name) => void controller.raiseHand(name)} />
        )}
      </>
    ) : (
      <StatusPanel phase={onAir ? { kind: 'connecting' } : phase} onCheckAgain={() => controller.restart()} />
    );

  return (
    <>
      <WatchLayout
        header={
          <WatchHeader
            title={phase.kind === 'ended' || onAir ? (program?.title ?? null) : null}
            liveSince={onAir && program ? program.startedAt : null}
          />
        }
        stage={stage}
        chat={<ViewerChat live={onAir} />}
      />
      {onAir && <AudioSinks participants={participants} attach={controller.attach} />}
    </>
  );
}
