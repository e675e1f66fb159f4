/**
 * A director adds a tag or changes one: its name, its colour (each choice shown with its colour and its name, so no
 * one has to tell colours apart) and whether it is archived (kept on the submissions that have it, offered for no
 * new one). Checked against the shared schema; a name another tag has, whatever its case and marks ("gap" and
 * "Gấp" are one), is said with that tag's name before the API would refuse it. A stale change reads the tags again
 * and keeps what was typed, now on the current version. Enter saves, Escape cancels.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TAG_COLORS, TagFields, tagNameKey, type TagColor } from '../../../common/protocol/tags.ts';
import { call } from '../api/client.ts';
import { FormFoot, Problem, SmallForm } from '../forms/FormParts.tsx';
import { issuesByField, issueText } from '../forms/problems.ts';
import type { Tag } from './tags.tsx';
import { useVersionedSave } from './useVersionedSave.ts';

export function TagForm({
  tag,
  others,
  onSaved,
  onStale,
  onClose,
}: {
  /** The tag changed, at the version the person saw; null for a new one. */
  tag: Tag | null;
  /** Every tag, to say a name that is taken. */
  others: readonly Tag[];
  onSaved: (name: string) => void;
  /** Reads the tags again; this one as it is now. */
  onStale: () => Promise<Tag | undefined>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(tag?.name ?? '');
  const [color, setColor] = useState<TagColor>(tag?.color ?? 'blue');
  const [archived, setArchived] = useState(tag?.archived ?? false);
  const [problem, setProblem] = useState<string | undefined>();
  // After a stale save, `stale` is the tag as it is now.
  const { save, current: stale, busy } = useVersionedSave(tag, onStale);

  const check = async () => {
    const checked = TagFields.safeParse({ name, color, archived });
    const taken = others.find((o) => o.id !== tag?.id && tagNameKey(o.name) === tagNameKey(name));
    if (!checked.success || taken) {
      const issue = checked.success ? undefined : issuesByField(checked.error.issues).name;
      setProblem(taken ? t('replies.tags.problems.taken', { name: taken.name }) : issueText(t, issue));
      document.getElementById('tag-name')?.focus();
      return;
    }
    const fields = checked.data;
    if (await save((version) => call('tags.save', tag ? { id: tag.id, version, tag: fields } : { tag: fields }))) onSaved(fields.name);
  };

  return (
    <SmallForm
      title={tag ? t('replies.tags.editTitle', { name: tag.name }) : t('replies.tags.addTitle')}
      testId="tag-form"
      className="tag-form"
      onSave={() => void check()}
      onCancel={onClose}
    >
      {stale && (
        <p className="form-error" role="alert">
          {t('replies.tags.problems.stale', {
            name: stale.name,
            color: t(`replies.colors.${stale.color}`),
            state: stale.archived ? t('replies.archived') : t('replies.inUse'),
          })}
        </p>
      )}
      <div className="details-form-fields">
        <div className="field">
          <label htmlFor="tag-name">{t('replies.tags.name')}</label>
          <input
            id="tag-name"
            name="name"
            type="text"
            autoComplete="off"
            autoFocus
            value={name}
            aria-invalid={problem !== undefined}
            aria-describedby={problem ? 'tag-name-problem' : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setProblem(undefined);
            }}
          />
          <Problem id="tag-name" testId="problem-name" text={problem} />
        </div>
        <fieldset className="tag-colors">
          <legend>{t('replies.tags.color')}</legend>
          {TAG_COLORS.map((c) => (
            <label key={c} className={`tag-chip tag-${c} tag-color-choice`}>
              <input type="radio" name="color" value={c} checked={color === c} onChange={() => setColor(c)} />
              <span className="tag-dot" aria-hidden="true" />
              {t(`replies.colors.${c}`)}
            </label>
          ))}
        </fieldset>
        <label className="check">
          <input type="checkbox" name="archived" checked={archived} onChange={(e) => setArchived(e.target.checked)} />{' '}
          {t('replies.tags.archived')}
        </label>
      </div>
      <FormFoot hint={t('replies.tags.hint')} cancel={t('replies.cancel')} confirm={t('replies.save')} busy={busy} onCancel={onClose} />
    </SmallForm>
  );
}
