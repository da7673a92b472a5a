import { useEffect, useState } from 'react';
import '../softphoneSettings.css';

// Speech sits far below full scale, so a linear RMS bar would barely move: the bar spans -60 dB
// (silence in a quiet office) to 0 dB.
const FLOOR_DB = -60;
// The bar falls back gently instead of flickering with every syllable.
const DECAY = 0.85;

function levelOf(samples: Float32Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  const rms = Math.sqrt(sum / samples.length);
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB));
}

/** How loud `stream`'s audio is right now, as a meter from 0 to 100. */
export function LevelMeter({ stream, label }: { readonly stream: MediaStream | null; readonly label: string }) {
  const [level, setLevel] = useState(0);

  useEffect(() => {
    if (stream === null || stream.getAudioTracks().length === 0 || typeof AudioContext === 'undefined') return;
    const context = new AudioContext();
    // A context created outside a click starts suspended and would analyse nothing.
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
    const source = context.createMediaStreamSource(stream);
    const analyser = context.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let shown = 0;
    let frame = 0;
    const tick = () => {
      analyser.getFloatTimeDomainData(samples);
      const next = Math.max(levelOf(samples), shown * DECAY);
      // Re-render only when the whole percent changes, not sixty times a second.
      if (Math.round(next * 100) !== Math.round(shown * 100)) setLevel(next);
      shown = next;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      source.disconnect();
      // Browsers cap the number of live AudioContexts; one left open per test or call adds up.
      void context.close().catch(() => undefined);
      setLevel(0);
    };
  }, [stream]);

  const percent = stream === null ? 0 : Math.round(level * 100);
  return (
    <div className="level-meter" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <div className="level-meter-fill" style={{ transform: `scaleX(${percent / 100})` }} />
    </div>
  );
}
