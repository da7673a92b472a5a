/**
 * The ring of an incoming call, synthesised with Web Audio (no sound file to ship, and nothing for
 * the CSP to allow): the 440 + 480 Hz pair of a telephone ring, 2 s on, 4 s off, quietly.
 * Returns a stop function.
 */
export function startRinging(): () => void {
  if (typeof AudioContext === 'undefined') return () => undefined;
  const context = new AudioContext();
  const gain = context.createGain();
  gain.gain.value = 0;
  gain.connect(context.destination);
  for (const frequency of [440, 480]) {
    const oscillator = context.createOscillator();
    oscillator.frequency.value = frequency;
    oscillator.connect(gain);
    oscillator.start();
  }
  const ring = () => {
    const now = context.currentTime;
    gain.gain.setValueAtTime(0.08, now);
    gain.gain.setValueAtTime(0, now + 2);
  };
  ring();
  const timer = setInterval(ring, 6_000);
  // A window the user has not clicked yet may start suspended; a click anywhere lets it ring.
  void context.resume().catch(() => undefined);
  return () => {
    clearInterval(timer);
    void context.close().catch(() => undefined);
  };
}
