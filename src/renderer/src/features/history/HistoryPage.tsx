import { useEffect } from 'react';
import { useStudio } from '../../store';
import { selectHistoryDetailId } from '../../store/selectors/history';
import { HistoryList } from './HistoryList';
import { StreamDetailView } from './StreamDetailView';

/** History: the list of past streams, or one stream's detail page when opened. */
export function HistoryPage() {
  const detailId = useStudio(selectHistoryDetailId);
  const connection = useStudio((state) => state.connection);
  const loadHistory = useStudio((state) => state.loadHistory);

  useEffect(() => {
    if (connection === 'open') void loadHistory();
  }, [connection, loadHistory]);

  return detailId === null ? <HistoryList /> : <StreamDetailView />;
}
