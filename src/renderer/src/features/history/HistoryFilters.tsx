import { useEffect, useState, type FormEvent } from 'react';
import { useStudio } from '../../store';
import { selectHistoryFilter, selectSetHistoryFilter } from '../../store/selectors/history';

/** Narrow the list by title or tag and by the day a stream started. */
export function HistoryFilters() {
  const filter = useStudio(selectHistoryFilter);
  const setFilter = useStudio(selectSetHistoryFilter);
  const [search, setSearch] = useState(filter.search);

  // Typing filters after a short pause, so each keystroke does not cost a query.
  useEffect(() => {
    if (search === filter.search) return;
    const timer = setTimeout(() => setFilter({ search }), 250);
    return () => clearTimeout(timer);
  }, [search, filter.search, setFilter]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setFilter({ search });
  }

  const active = filter.search !== '' || filter.fromDay !== '' || filter.toDay !== '';
  return (
    <form className="hist-filters" role="search" aria-label="Filter streams" onSubmit={submit}>
      <label className="hist-filter-search">
        Title or tag
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="e.g. launch" />
      </label>
      <label>
        From
        <input
          type="date"
          value={filter.fromDay}
          max={filter.toDay || undefined}
          onChange={(e) => setFilter({ fromDay: e.target.value })}
        />
      </label>
      <label>
        To
        <input type="date" value={filter.toDay} min={filter.fromDay || undefined} onChange={(e) => setFilter({ toDay: e.target.value })} />
      </label>
      {active && (
        <button
          type="button"
          onClick={() => {
            setSearch('');
            setFilter({ search: '', fromDay: '', toDay: '' });
          }}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
