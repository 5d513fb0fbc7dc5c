import type { multistreamMethods } from '../../shared/contract/multistreamApi';
import type { Handlers } from '../api/types';
import type { MultistreamService } from './multistreamService';

export type MultistreamHandlers = Pick<Handlers, keyof typeof multistreamMethods>;

export function createMultistreamHandlers(multistream: MultistreamService): MultistreamHandlers {
  return {
    'multistream.list': () => ({ destinations: multistream.list(), output: multistream.store.output() }),
    'multistream.add': (params) => multistream.add(params),
    'multistream.update': (params) => multistream.update(params),
    'multistream.remove': ({ id }) => multistream.remove(id),
    'multistream.setOutput': (params) => multistream.store.setOutput(params),
    'multistream.status': () => multistream.status(),
  };
}
