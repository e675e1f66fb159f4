/**
 * The banned and suspect word lists the hub marks comments with, beside the queue: every moderator reads them,
 * directors add, move and remove words. A change is saved on this desk at once and marks the comments that reach
 * the hub after the next sync (not those already marked). One entry per word whatever its case and marks.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WORD_LEVELS, WORD_MAX, type WordLevel } from '../../../common/moderation/word-lists.ts';
import type { Output } from '../../../main/api/contract.ts';
import { call } from '../api/client.ts';
import { useReport } from '../components/Notices.tsx';
import { useAfterSync } from '../api/desk-status.tsx';

type Word = Output<'moderationWords.list'>[number];

export function WordLists({ mayEdit, onClose }: { mayEdit: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useReport();
  const [words, setWords] = useState<Word[] | null>(null);
  const [word, setWord] = useState('');
  const [level, setLevel] = useState<WordLevel>('banned');

  const read = useCallback(() => {
    call('moderationWords.list', {}).then(setWords).catch(report);
  }, [report]);
  useEffect(read, [read]);
  useAfterSync(read);

  const save = (w: { word: string; level: WordLevel; removed: boolean }, then?: () => void) =>
    void call('moderationWords.save', { word: w })
      .then(() => {
        then?.();
        read();
      })
      .catch(report);
  // The typed word is cleared only once it is saved: refused, it stays to be corrected.
  const add = (e: FormEvent) => {
    e.preventDefault();
    save({ word, level, removed: false }, () => setWord(''));
  };

  return (
    <section className="word-lists" aria-labelledby="word-lists-heading" data-testid="word-lists">
      <h3 id="word-lists-heading">{t('comments.wordListsHeading')}</h3>
      <p className="muted small">{t('comments.wordListsHint')}</p>
      {WORD_LEVELS.map((l) => (
        <div key={l} className="word-list">
          <h4 className="small">{t(`comments.wordLevel_${l}`)}</h4>
          <ul className={`words ${l}`} data-testid={`words-${l}`}>
            {(words ?? [])
              .filter((w) => w.level === l)
              .map((w) => (
                <li key={w.id} className={`marker ${l}_words`}>
                  {w.word}
                  {mayEdit && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="link"
                        onClick={() => save({ word: w.word, level: l === 'banned' ? 'suspect' : 'banned', removed: false })}
                        aria-label={t(`comments.wordMove_${l}`, { word: w.word })}
                        title={t(`comments.wordMove_${l}`, { word: w.word })}
                      >
                        ⇄
                      </button>
                      <button
                        type="button"
                        className="link"
                        onClick={() => save({ word: w.word, level: l, removed: true })}
                        aria-label={t('comments.wordRemove', { word: w.word })}
                        title={t('comments.wordRemove', { word: w.word })}
                      >
                        ×
                      </button>
                    </>
                  )}
                </li>
              ))}
          </ul>
        </div>
      ))}
      {mayEdit && (
        <form onSubmit={add} className="small">
          <label>
            {t('comments.wordNew')}{' '}
            <input value={word} maxLength={WORD_MAX} onChange={(e) => setWord(e.target.value)} data-testid="word-new" />
          </label>{' '}
          <select aria-label={t('comments.wordLevel')} value={level} onChange={(e) => setLevel(e.target.value as WordLevel)}>
            {WORD_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`comments.wordLevel_${l}`)}
              </option>
            ))}
          </select>{' '}
          <button type="submit" disabled={!word.trim()}>
            {t('comments.wordAdd')}
          </button>
        </form>
      )}
      <button type="button" onClick={onClose}>
        {t('comments.wordListsClose')}
      </button>
    </section>
  );
}
