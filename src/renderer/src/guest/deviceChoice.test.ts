import { describe, expect, it } from 'vitest';
import { chooseDevice, deviceOptions } from './deviceChoice';

const devices = [
  { deviceId: 'cam-a', kind: 'videoinput', label: 'Front camera' },
  { deviceId: 'mic-a', kind: 'audioinput', label: '' },
  { deviceId: '', kind: 'audioinput', label: '' },
  { deviceId: 'spk', kind: 'audiooutput', label: 'Speakers' },
  { deviceId: 'cam-b', kind: 'videoinput', label: '' },
];

describe('deviceOptions', () => {
  it('keeps inputs of one kind, names unlabelled ones and drops id-less entries', () => {
    expect(deviceOptions(devices, 'videoinput')).toEqual([
      { deviceId: 'cam-a', label: 'Front camera' },
      { deviceId: 'cam-b', label: 'Camera 2' },
    ]);
    expect(deviceOptions(devices, 'audioinput')).toEqual([{ deviceId: 'mic-a', label: 'Microphone 1' }]);
  });
});

describe('chooseDevice', () => {
  const options = deviceOptions(devices, 'videoinput');
  it('keeps a device that is still there and falls back to the first otherwise', () => {
    expect(chooseDevice(options, 'cam-b')).toBe('cam-b');
    expect(chooseDevice(options, 'gone')).toBe('cam-a');
    expect(chooseDevice(options, null)).toBe('cam-a');
    expect(chooseDevice([], 'cam-a')).toBeNull();
  });
});
