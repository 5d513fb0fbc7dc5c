import type { ExportFile } from '../../../../shared/domain/history';

/**
 * Saves a file the way both hosts of the studio allow: a Blob URL on a temporary link. Electron
 * shows its save dialog for it; a browser downloads it. The URL is released right after.
 */
export function downloadFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
