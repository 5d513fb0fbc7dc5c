import type { TranscriptEntry } from '../../../../shared/domain/history';

export interface MessageMark {
  tone: 'held' | 'rejected' | 'deleted' | 'approved';
  text: string;
}

/** What moderation did to a message, in words: held (why), approved or rejected or deleted by whom. */
export function messageMark(message: TranscriptEntry): MessageMark | null {
  const why = message.holdReason ? ` (${message.holdReason})` : '';
  const by = message.decidedBy ? ` by ${message.decidedBy}` : '';
  switch (message.status) {
    case 'held':
      return { tone: 'held', text: `Held${why}, never reviewed` };
    case 'rejected':
      return { tone: 'rejected', text: `Held${why}, rejected${by}` };
    case 'deleted':
      return { tone: 'deleted', text: `Deleted${by}` };
    case 'visible':
      return message.holdReason ? { tone: 'approved', text: `Held${why}, approved${by}` } : null;
  }
}
