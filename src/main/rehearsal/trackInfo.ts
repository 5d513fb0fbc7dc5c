/** The TrackInfo the server announces for a track a client asks to publish. */
import {
  type AddTrackRequest,
  SimulcastCodecInfo,
  TrackInfo,
  TrackSource,
  TrackType,
  VideoLayer,
  VideoLayer_Mode,
} from '@livekit/protocol';
import { newId } from './ids';

/** Builds a new track's info from its AddTrackRequest: VP8 for video, Opus for audio, layers lowest first. */
export function trackInfoFor(req: AddTrackRequest): TrackInfo {
  const isVideo = req.type === TrackType.VIDEO;
  const layers = [...req.layers].sort((a, b) => a.quality - b.quality).map((l) => new VideoLayer({ ...l, ssrc: 0 }));
  const mimeType = isVideo ? 'video/VP8' : 'audio/opus';
  return new TrackInfo({
    sid: newId('TR_'),
    type: req.type,
    name: req.name,
    source: req.source,
    muted: req.muted,
    width: req.width,
    height: req.height,
    simulcast: isVideo && layers.length > 1,
    layers,
    disableDtx: req.disableDtx,
    disableRed: req.disableRed,
    stereo: req.stereo,
    encryption: req.encryption,
    stream: req.stream || (req.source === TrackSource.SCREEN_SHARE || req.source === TrackSource.SCREEN_SHARE_AUDIO ? 'screen' : 'camera'),
    mimeType,
    codecs: [
      new SimulcastCodecInfo({
        mimeType,
        cid: req.cid,
        layers: isVideo ? layers : [],
        videoLayerMode: isVideo ? VideoLayer_Mode.ONE_SPATIAL_LAYER_PER_STREAM : VideoLayer_Mode.MODE_UNUSED,
      }),
    ],
    audioFeatures: req.audioFeatures,
    backupCodecPolicy: req.backupCodecPolicy,
  });
}
