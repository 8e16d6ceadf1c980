/** The little of Web Audio the ring uses, so a test can hand in a fake. */
export type RingAudio = Pick<
  BaseAudioContext,
  'currentTime' | 'destination' | 'state' | 'createOscillator' | 'createGain'
> & {
  resume(): Promise<void>;
};

/** Two rising tones, like a counter bell: short enough not to annoy, distinct from a scanner's beep. */
const tones = [
  { frequency: 880, start: 0, length: 0.16 },
  { frequency: 1318.5, start: 0.2, length: 0.24 },
];
const volume = 0.25;

/** Schedules the two tones on the context's clock; each fades in and out so it never clicks. */
export function scheduleRing(audio: RingAudio): void {
  const t0 = audio.currentTime + 0.01;
  for (const tone of tones) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(tone.frequency, t0 + tone.start);
    gain.gain.setValueAtTime(0, t0 + tone.start);
    gain.gain.linearRampToValueAtTime(volume, t0 + tone.start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.001, t0 + tone.start + tone.length);
    oscillator.connect(gain);
    gain.connect(audio.destination);
    oscillator.start(t0 + tone.start);
    oscillator.stop(t0 + tone.start + tone.length + 0.02);
  }
}

/** A ring that a suspended context can only play this much later is stale: skip it. */
const lateMs = 1500;

export type Ringer = { ring(): void; unlock(): void };

/**
 * Rings without ever throwing: where Web Audio is missing, refused, or still waiting for the first
 * touch or key (browsers keep audio suspended until then), the ring is skipped, never queued to go
 * off minutes later. `unlock` on the first key or tap makes later rings audible.
 */
export function createRinger(
  makeAudio: (() => RingAudio) | null,
  options: { clock?: () => number; activated?: () => boolean } = {},
): Ringer {
  const { clock = Date.now, activated = () => true } = options;
  let audio: RingAudio | null = null;
  const context = (): RingAudio | null => {
    // Made only once someone has touched the page: made earlier, it starts suspended and the
    // browser complains in the console for nothing.
    if (!audio && makeAudio && activated()) {
      try {
        audio = makeAudio();
      } catch {
        makeAudio = null;
      }
    }
    return audio;
  };
  const resume = (then?: () => void) => {
    const current = context();
    if (!current) return;
    const asked = clock();
    try {
      current.resume().then(
        () => {
          if (then && current.state === 'running' && clock() - asked < lateMs) then();
        },
        () => undefined,
      );
    } catch {
      // An old engine whose resume throws instead of rejecting: nothing to play on.
    }
  };
  return {
    ring() {
      try {
        const current = context();
        if (!current) return;
        if (current.state === 'running') scheduleRing(current);
        else resume(() => scheduleRing(current));
      } catch {
        // Sound is a courtesy; the badge and the list still show the order.
      }
    },
    unlock() {
      if (context()?.state !== 'running') resume();
    },
  };
}

type AudioWindow = { AudioContext?: new () => AudioContext; webkitAudioContext?: new () => AudioContext };

function browserAudio(): (() => RingAudio) | null {
  if (typeof window === 'undefined') return null;
  const Audio = (window as AudioWindow).AudioContext ?? (window as AudioWindow).webkitAudioContext;
  return Audio ? () => new Audio() : null;
}

type ActivationNavigator = { userActivation?: { hasBeenActive: boolean } };

function hasBeenActive(): boolean {
  return typeof navigator === 'undefined' || ((navigator as ActivationNavigator).userActivation?.hasBeenActive ?? true);
}

/** One context for the window: browsers limit how many a page may open. */
export const ringer = createRinger(browserAudio(), { activated: hasBeenActive });
