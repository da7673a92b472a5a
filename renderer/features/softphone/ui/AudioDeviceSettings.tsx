import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudioDevices } from '../../../../shared/model/sip';
import { SETTING_DEFAULTS } from '../../../../shared/model/settings';
import { readSetting, useSetting, writeSetting } from '../../settings';
import { MicProblemMessage } from '../audio/MicProblemMessage';
import { audioConstraints, canChooseSpeaker, describeMediaError, useAudioDevices, type MicProblem } from '../audio/devices';
import { LevelMeter } from './LevelMeter';
import '../softphoneSettings.css';

const stopTracks = (stream: MediaStream | null) => stream?.getTracks().forEach((track) => track.stop());

/** The microphone and speaker the softphone uses on this computer, with a live microphone test. */
export function AudioDeviceSettings() {
  const { t } = useTranslation('sipSettings');
  const id = useId();
  const chosen = useSetting('audioDevices');
  const { inputs, outputs, refresh } = useAudioDevices();
  const [testStream, setTestStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<MicProblem | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  // Each test supersedes the one before; a getUserMedia that resolves late, or after unmount, is stopped.
  const attempt = useRef(0);

  useEffect(
    () => () => {
      attempt.current += 1;
      stopTracks(streamRef.current);
    },
    [],
  );

  const stopTest = () => {
    attempt.current += 1;
    stopTracks(streamRef.current);
    streamRef.current = null;
    setTestStream(null);
  };

  const startTest = async (input: string | null) => {
    stopTest();
    setProblem(null);
    const mine = attempt.current;
    const media = navigator.mediaDevices;
    if (media === undefined) return setProblem('insecure');
    try {
      const stream = await media.getUserMedia({ audio: audioConstraints({ input, output: null }), video: false });
      if (mine !== attempt.current) return stopTracks(stream);
      streamRef.current = stream;
      setTestStream(stream);
      // Device names are hidden until the microphone is allowed; now they can be shown.
      await refresh();
    } catch (error) {
      if (mine === attempt.current) setProblem(describeMediaError(error));
    }
  };

  // Read fresh rather than from `chosen`: while the setting loads, `chosen` is the default, and
  // writing it back would lose the other device's choice.
  const choose = async (patch: Partial<AudioDevices>) => {
    const current = (await readSetting('audioDevices')) ?? SETTING_DEFAULTS.audioDevices;
    await writeSetting('audioDevices', { ...current, ...patch });
  };

  const unnamed = inputs.length === 0 || [...inputs, ...outputs].some((d) => d.label === '');
  const speakerChoice = canChooseSpeaker();

  return (
    <fieldset className="softphone-section">
      <legend>{t('devices.title')}</legend>
      <div className="sip-form-grid">
        <div className="field">
          <label htmlFor={`${id}-mic`}>{t('devices.microphone')}</label>
          <select
            id={`${id}-mic`}
            className="select"
            value={chosen.input ?? ''}
            aria-describedby={unnamed ? `${id}-names` : undefined}
            onChange={(e) => {
              const input = e.target.value === '' ? null : e.target.value;
              void choose({ input });
              if (testStream !== null) void startTest(input);
            }}
          >
            <DeviceOptions devices={inputs} chosen={chosen.input} unnamedKey="devices.unnamedMicrophone" />
          </select>
        </div>
        <div className="field">
          {speakerChoice ? (
            <>
              <label htmlFor={`${id}-speaker`}>{t('devices.speaker')}</label>
              <select
                id={`${id}-speaker`}
                className="select"
                value={chosen.output ?? ''}
                onChange={(e) => void choose({ output: e.target.value === '' ? null : e.target.value })}
              >
                <DeviceOptions devices={outputs} chosen={chosen.output} unnamedKey="devices.unnamedSpeaker" />
              </select>
            </>
          ) : (
            <>
              <span className="field-label">{t('devices.speaker')}</span>
              <span className="field-hint">{t('devices.noSpeakerChoice')}</span>
            </>
          )}
        </div>
      </div>
      {unnamed ? (
        <span id={`${id}-names`} className="field-hint">
          {t('devices.namesHint')}
        </span>
      ) : null}
      <div className="audio-device-test">
        <div>
          {testStream === null ? (
            <button type="button" className="btn" onClick={() => void startTest(chosen.input)}>
              {t('devices.test')}
            </button>
          ) : (
            <button type="button" className="btn" onClick={stopTest}>
              {t('devices.stopTest')}
            </button>
          )}
        </div>
        {testStream !== null ? (
          <>
            <LevelMeter stream={testStream} label={t('devices.level')} />
            <span className="field-hint">{t('devices.testHint')}</span>
          </>
        ) : null}
        {problem !== null ? <MicProblemMessage problem={problem} /> : null}
      </div>
    </fieldset>
  );
}

function DeviceOptions({ devices, chosen, unnamedKey }: { readonly devices: readonly MediaDeviceInfo[]; readonly chosen: string | null; readonly unnamedKey: string }) {
  const { t } = useTranslation('sipSettings');
  // A chosen headset that is unplugged stays chosen (it is used again once plugged in), so the
  // select still needs an option for it.
  const missing = chosen !== null && !devices.some((d) => d.deviceId === chosen);
  return (
    <>
      <option value="">{t('devices.systemDefault')}</option>
      {devices.map((d, i) => (
        <option key={d.deviceId} value={d.deviceId}>
          {d.label === '' ? t(unnamedKey, { n: i + 1 }) : d.label}
        </option>
      ))}
      {missing ? <option value={chosen}>{devices.length === 0 ? t('devices.chosen') : t('devices.unavailable')}</option> : null}
    </>
  );
}
