/**
 * A recording's file name: sortable by start time, readable in a file manager, and safe on every
 * file system (ASCII letters, digits and dashes from the title; the id keeps it unique).
 */
export function recordingFileName(title: string, startedAt: number, id: string): string {
  const stamp = new Date(startedAt).toISOString().slice(0, 16).replace('T', '_').replace(':', '');
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return `${stamp}_${slug || 'stream'}_${id.replace(/^rec_/, '')}.webm`;
}
