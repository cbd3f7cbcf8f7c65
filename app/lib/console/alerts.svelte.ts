/**
 * The console's cues: a short tone (which an officer can mute) and a count in the page's title,
 * so a busy officer notices without looking. Each cue has its own tone, told apart by ear: a
 * victim writing (soft), a new chat waiting (rising), a quick exit (falling, repeated, urgent)
 * and a location shared (two high pips).
 */
export type CueKind = "message" | "new-chat" | "quick-exit" | "location";

interface Tone {
  /** Hertz, one note after another. */
  notes: readonly number[];
  /** Seconds from one note's start to the next. */
  step: number;
  wave: OscillatorType;
}

const TONES: Readonly<Record<CueKind, Tone>> = {
  message: { notes: [660, 880], step: 0.15, wave: "sine" },
  "new-chat": { notes: [523, 659, 784], step: 0.13, wave: "sine" },
  "quick-exit": { notes: [740, 494, 740, 494], step: 0.11, wave: "triangle" },
  location: { notes: [1175, 1175], step: 0.1, wave: "sine" },
};

class Alerts {
  muted = $state(false);
  #audio: AudioContext | null = null;

  /** Plays the cue's tone, made on the spot: no sound file to fetch. */
  play(cue: CueKind): void {
    if (this.muted) return;
    const { notes, step, wave } = TONES[cue];
    try {
      this.#audio ??= new AudioContext();
      const audio = this.#audio;
      for (const [i, frequency] of notes.entries()) {
        const at = audio.currentTime + i * step;
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.type = wave;
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.08, at);
        gain.gain.exponentialRampToValueAtTime(0.0001, at + step - 0.01);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(at);
        oscillator.stop(at + step);
      }
    } catch {
      // No audio on this machine: the title count, the tabs and any desktop notification still show.
    }
  }

  showCount(count: number): void {
    document.title = count > 0 ? `(${count}) quietline console` : "quietline console";
  }
}

export const alerts = new Alerts();
