import { describe, expect, it, vi } from 'vitest';
import { createRinger, type RingAudio } from '../../renderer/app/ring';

function fakeAudio(state: AudioContextState = 'running', resume: () => Promise<void> = () => Promise.resolve()) {
  const started: number[] = [];
  const param = () => ({
    setValueAtTime: vi.fn(),
    linearRampToValueAtTime: vi.fn(),
    exponentialRampToValueAtTime: vi.fn(),
  });
  const audio = {
    currentTime: 0,
    destination: {},
    state,
    createOscillator: () => {
      const frequency = param();
      return {
        type: 'sine',
        frequency,
        connect: vi.fn(),
        start: () => started.push(frequency.setValueAtTime.mock.calls[0][0]),
        stop: vi.fn(),
      };
    },
    createGain: () => ({ gain: param(), connect: vi.fn() }),
    resume: vi.fn(resume),
  };
  return { audio: audio as unknown as RingAudio & { resume: typeof audio.resume }, started };
}

describe('the online-order ring', () => {
  it('plays two rising tones', () => {
    const { audio, started } = fakeAudio();
    createRinger(() => audio).ring();
    expect(started).toHaveLength(2);
    expect(started[1]).toBeGreaterThan(started[0]);
  });

  it('never throws where there is no Web Audio, or where making a context fails', () => {
    expect(() => createRinger(null).ring()).not.toThrow();
    const refusing = createRinger(() => {
      throw new Error('not allowed');
    });
    expect(() => refusing.ring()).not.toThrow();
    expect(() => refusing.unlock()).not.toThrow();
  });

  it('waits for the first touch before making a context at all', () => {
    const make = vi.fn(() => fakeAudio().audio);
    let active = false;
    const ringer = createRinger(make, { activated: () => active });
    ringer.ring();
    expect(make).not.toHaveBeenCalled();
    active = true;
    ringer.ring();
    expect(make).toHaveBeenCalledOnce();
  });

  it('swallows a refused resume while audio is still blocked', async () => {
    const { audio, started } = fakeAudio('suspended', () => Promise.reject(new Error('needs a gesture')));
    const ringer = createRinger(() => audio);
    expect(() => ringer.ring()).not.toThrow();
    await Promise.resolve();
    await Promise.resolve();
    expect(audio.resume).toHaveBeenCalled();
    expect(started).toHaveLength(0);
  });

  it('skips a ring that a suspended context would only play much later', async () => {
    let now = 0;
    let release = () => {};
    const { audio, started } = fakeAudio('suspended', () => new Promise<void>((done) => (release = done)));
    createRinger(() => audio, { clock: () => now }).ring();
    now = 60_000;
    (audio as { state: AudioContextState }).state = 'running';
    release();
    await Promise.resolve();
    await Promise.resolve();
    expect(started).toHaveLength(0);
  });
});
