import { useStudio } from '../store';
import { selectConnection } from '../store/selectors/navigation';

/** Tells the person when the studio lost its link to the Airdeck server, and what to do. */
export function ConnectionBanner() {
  const connection = useStudio(selectConnection);
  if (connection === 'open' || connection === 'connecting') return null;
  return (
    <div className="banner banner-error" role="alert">
      {connection === 'refused'
        ? 'The studio server refused this session. Open the studio with the link printed by npm run serve.'
        : 'Lost the connection to the studio server. Reconnecting…'}
    </div>
  );
}
