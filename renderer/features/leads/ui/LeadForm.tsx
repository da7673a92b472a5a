import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { LEAD_KINDS, MAX_PHONES, SOURCE_CHANNELS, TEMPERATURES, type Lead } from '../../../../shared/model/lead';
import { parseLeadInput } from '../../../../shared/model/leadInput';
import type { PhoneRegion } from '../../../../shared/model/phone';
import { manualStatusChoices } from '../../../../shared/rules/lifecycle';
import { createLead, updateLead } from '../mutations';
import { errorsByField, formValuesOf, emptyFormValues, toLeadInput, type LeadFormValues } from './leadFormState';

interface LeadFormProps {
  /** The lead being edited, or null for a new one. */
  readonly lead: Lead | null;
  readonly defaultKind: Lead['kind'];
  readonly ownerName: string;
  readonly region: PhoneRegion;
  readonly onSaved: (lead: { id: string }) => void;
  readonly onCancel: () => void;
  readonly formRef?: React.RefObject<HTMLFormElement | null>;
}

type TextKey = Exclude<keyof LeadFormValues, 'phones'>;

export function LeadForm({ lead, defaultKind, ownerName, region, onSaved, onCancel, formRef }: LeadFormProps) {
  const { t } = useTranslation();
  const formId = useId();
  const [values, setValues] = useState<LeadFormValues>(() => (lead ? formValuesOf(lead, region) : emptyFormValues(defaultKind, ownerName)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const fieldId = (field: string) => `${formId}-${field}`;
  const set = (key: TextKey, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const setPhone = (index: number, value: string) => setValues((v) => ({ ...v, phones: v.phones.map((p, i) => (i === index ? value : p)) }));

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (saving) return;
    const parsed = parseLeadInput(toLeadInput(values, lead?.customFields ?? {}), { defaultRegion: region, defaultKind });
    if (!parsed.ok) {
      // Render the errors now, then land a keyboard user on the first field in error, in reading order.
      flushSync(() => setErrors(errorsByField(parsed.errors)));
      const form = summaryRef.current?.closest('form');
      (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? summaryRef.current)?.focus();
      return;
    }
    setErrors({});
    setSaving(true);
    setSaveError(null);
    try {
      if (lead) {
        await updateLead(lead, parsed.fields);
        onSaved(lead);
      } else {
        onSaved(await createLead(parsed.fields));
      }
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  const errorText = (field: string) => (errors[field] ? t(`errors.${errors[field]}`) : null);

  const field = (key: string, label: string, control: (props: ControlProps) => ReactNode, hint?: string) => {
    const error = errorText(key);
    const describedBy = [error ? `${fieldId(key)}-error` : '', hint ? `${fieldId(key)}-hint` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className={`field field-${key}`}>
        <label htmlFor={fieldId(key)}>{label}</label>
        {control({ id: fieldId(key), 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
        {hint ? (
          <span id={`${fieldId(key)}-hint`} className="field-hint">
            {hint}
          </span>
        ) : null}
        {error ? (
          <span id={`${fieldId(key)}-error`} className="field-error">
            {error}
          </span>
        ) : null}
      </div>
    );
  };
  const text = (key: TextKey, required = false, type = 'text') =>
    field(key, t(`lead.fields.${key}`) + (required ? ' *' : ''), (p) => (
      <input {...p} className="input" type={type} value={values[key]} required={required} onChange={(e) => set(key, e.target.value)} />
    ));
  const choice = (key: TextKey, options: readonly { value: string; label: string }[]) =>
    field(key, t(`lead.fields.${key}`), (p) => (
      <select {...p} className="select" value={values[key]} onChange={(e) => set(key, e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    ));

  const errorCount = Object.keys(errors).length;
  return (
    <form
      ref={formRef}
      className="lead-form"
      aria-label={lead ? t('lead.edit') : t('lead.new')}
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
      }}
    >
      <div ref={summaryRef} tabIndex={-1} role="alert" className={errorCount || saveError ? 'form-errors' : 'visually-hidden'}>
        {errorCount > 0 ? t('lead.fixErrors', { count: errorCount }) : null}
        {saveError ? t('errors.saveFailed', { message: saveError }) : null}
      </div>
      <fieldset className="form-section">
        <legend>{t('lead.sectionCompany')}</legend>
        <div className="form-grid">
          {text('company', true)}
          {text('contactName')}
          {text('title')}
          {text('industry')}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('lead.sectionContact')}</legend>
        <div className="form-grid">
          <div className="field field-phones">
            <span className="field-label" id={fieldId('phones-label')}>
              {t('lead.fields.phones')}
            </span>
            {values.phones.map((phone, i) => {
              const error = errorText(`phones.${i}`) ?? (i === 0 ? errorText('phones') : null);
              return (
                <div key={i} className="phone-row">
                  <input
                    id={fieldId(`phones.${i}`)}
                    className="input"
                    type="tel"
                    inputMode="tel"
                    aria-label={t('lead.fields.phoneN', { n: i + 1 })}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${fieldId(`phones.${i}`)}-error` : undefined}
                    value={phone}
                    onChange={(e) => setPhone(i, e.target.value)}
                  />
                  {values.phones.length > 1 ? (
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      aria-label={t('lead.removePhone', { n: i + 1 })}
                      onClick={() => setValues((v) => ({ ...v, phones: v.phones.filter((_, j) => j !== i) }))}
                    >
                      ✕
                    </button>
                  ) : null}
                  {error ? (
                    <span id={`${fieldId(`phones.${i}`)}-error`} className="field-error">
                      {error}
                    </span>
                  ) : null}
                </div>
              );
            })}
            {values.phones.length < MAX_PHONES ? (
              <button type="button" className="btn btn-ghost btn-small add-phone" onClick={() => setValues((v) => ({ ...v, phones: [...v.phones, ''] }))}>
                + {t('lead.addPhone')}
              </button>
            ) : null}
          </div>
          {text('email', false, 'email')}
          {text('wechatId')}
          {text('region')}
          {text('timeZone')}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('lead.sectionQualification')}</legend>
        <div className="form-grid">
          {choice('kind', LEAD_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })))}
          {choice('sourceChannel', SOURCE_CHANNELS.map((s) => ({ value: s, label: t(`source.${s}`) })))}
          {text('campaign')}
          {choice('temperature', TEMPERATURES.map((s) => ({ value: s, label: t(`temperature.${s}`) })))}
          {choice('status', manualStatusChoices(lead?.status ?? null).map((s) => ({ value: s, label: t(`status.${s}`) })))}
          {choice('priority', ['1', '2', '3'].map((p) => ({ value: p, label: t(`priority.${p}`) })))}
          {text('owner')}
          {field('tags', t('lead.fields.tags'), (p) => <input {...p} className="input" value={values.tags} onChange={(e) => set('tags', e.target.value)} />, t('lead.fields.tagsHint'))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('lead.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={saving} aria-keyshortcuts="Control+Enter">
          {saving ? t('lead.saving') : t('lead.save')}
        </button>
      </div>
    </form>
  );
}

interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}
