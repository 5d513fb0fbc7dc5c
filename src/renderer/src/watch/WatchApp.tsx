import { useMemo } from 'react';
import { ProgramHighlight } from '../features/chat/viewer/ProgramHighlight';
import { ViewerChat } from '../features/chat/viewer/ViewerChat';
import { AudioSinks } from './AudioSinks';
import { ProgramView } from './ProgramView';
import { hostView, programTiles } from './programLayout';
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
  const host = useMemo(() => hostView(participants), [participants]);
  const tiles = useMemo(() => (program ? programTiles(program.layout, host) : []), [program, host]);
  const onAir = phase.kind === 'live' || phase.kind === 'reconnecting';

  const stage =
    onAir && program ? (
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
    ) : (
      <StatusPanel phase={onAir ? { kind: 'connecting' } : phase} onCheckAgain={() => controller.restart()} />
    );

  return (
    <>
      <WatchLayout
        header={<WatchHeader title={phase.kind === 'ended' || onAir ? (program?.title ?? null) : null} liveSince={onAir && program ? program.startedAt : null} />}
        stage={stage}
        chat={<ViewerChat live={onAir} />}
      />
      {onAir && <AudioSinks participants={participants} attach={controller.attach} />}
    </>
  );
}
