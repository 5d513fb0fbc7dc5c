import { useStudio } from '../../store';
import { selectAnnouncement } from '../../store/selectors/moderation';

/**
 * The one polite live region of the studio: queue arrivals, decisions and moderation results are
 * read out by screen readers. Kept mounted so announcements are never lost to a re-mount.
 */
export function LiveAnnouncer() {
  const announcement = useStudio(selectAnnouncement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="moderation-announcer">
      {announcement && <span key={announcement.id}>{announcement.text}</span>}
    </div>
  );
}
