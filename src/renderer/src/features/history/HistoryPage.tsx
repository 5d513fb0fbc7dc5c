import { useEffect } from 'react';
import { useStudio } from '../../store';
import { selectConnection } from '../../store/selectors/navigation';
import { selectHistoryDetailId, selectLoadHistory } from '../../store/selectors/history';
import { HistoryList } from './HistoryList';
import { StreamDetailView } from './StreamDetailView';

/** History: the list of past streams, or one stream's detail page when opened. */
export function HistoryPage() {
  const detailId = useStudio(selectHistoryDetailId);
  const connection = useStudio(selectConnection);
  const loadHistory = useStudio(selectLoadHistory);

  useEffect(() => {
    if (connection === 'open') void loadHistory();
  }, [connection, loadHistory]);

  return detailId === null ? <HistoryList /> : <StreamDetailView />;
}
