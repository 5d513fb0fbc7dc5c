/** The one set of line icons, for the studio, the stage, and the watch and guest pages. */
export { CameraIcon, CameraOffIcon, MicIcon, MicOffIcon, ScreenIcon, SpeakerOffIcon, VoiceIcon } from './mediaIcons';
export { BackstageIcon, InviteIcon, KickIcon, OnStageIcon, QualityBars, ShieldIcon, SpotlightIcon } from './stageIcons';
export { BlockedIcon, EyeIcon, HandIcon, LinkOffIcon, UploadIcon } from './statusIcons';
