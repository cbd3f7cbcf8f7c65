/**
 * The console's cues when a chat starts waiting or a victim writes: a short tone (which an
 * officer can mute) and a count in the tab's title, so a busy officer notices without looking.
 */
class Alerts {
  muted = $state(false);
  #audio: AudioContext | null = null;

  /** A short, soft two-note tone, made on the spot: no sound file to fetch. */
  chime(): void {
    if (this.muted) return;
    try {
      this.#audio ??= new AudioContext();
      const audio = this.#audio;
      for (const [i, frequency] of [660, 880].entries()) {
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.frequency.value = frequency;
        gain.gain.setValueAtTime(0.08, audio.currentTime + i * 0.15);
        gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + i * 0.15 + 0.14);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(audio.currentTime + i * 0.15);
        oscillator.stop(audio.currentTime + i * 0.15 + 0.15);
      }
    } catch {
      // No audio on this machine: the title count still shows.
    }
  }

  showCount(count: number): void {
    document.title = count > 0 ? `(${count}) quietline console` : "quietline console";
  }
}

export const alerts = new Alerts();
