import { useEffect } from 'react';
import { useStudio } from '../../store';
import { ProgramPreview } from '../capture/ProgramPreview';
import { SourcePicker } from '../capture/SourcePicker';
import { SourcesCard } from '../capture/SourcesCard';
import { ChatDock } from '../chat/ChatDock';
import { GoLivePanel } from '../golive/GoLivePanel';
import { LiveControls } from '../golive/LiveControls';
import { StageArea } from '../stage/StageArea';

/** The stage (program preview, controls, devices and go-live) with the right dock beside it. */
export function StudioPage() {
  useEffect(() => {
    void useStudio.getState().startPreview();
  }, []);

  return (
    <div className="studio-layout">
      <section className="stage" aria-label="Stage">
        <div className="stage-row">
          <ProgramPreview />
          <StageArea />
        </div>
        <LiveControls />
        <div className="stage-cards">
          <GoLivePanel />
          <SourcesCard />
        </div>
        <SourcePicker />
      </section>
      <aside className="dock" aria-label="Chat and moderation">
        <ChatDock />
      </aside>
    </div>
  );
}
