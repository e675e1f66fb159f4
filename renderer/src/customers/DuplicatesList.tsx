/**
 * "Trùng lặp" (directors): customers who share an email or a phone number, group by group, masked, each with
 * their username (or that they are a guest), how often they wrote and since when. Two records of a group are
 * chosen (both at once in a group of two) and compared beside (MergePreview.tsx). Read when shown and again
 * after a sync, when a merge carried out by the hub takes its pair away.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client.ts';
import { useAfterSync } from '../api/desk-status.tsx';
import { useReport } from '../components/Notices.tsx';
import { formatDate } from '../format/dates.ts';
import type { DuplicateCustomer, DuplicateGroup } from './vocab.ts';

type Pair = [DuplicateCustomer, DuplicateCustomer];
const groupKey = (g: DuplicateGroup) => g.customers.map((c) => c.id).join(',');

export function DuplicatesList({
  pair,
  onCompare,
}: {
  /** The pair compared beside, if any. */
  pair: Pair | null;
  /** Compares two records; null when the pair shown is no longer a pair of duplicates (merged since). */
  onCompare: (pair: Pair | null) => void;
}) {
  const { t } = useTranslation();
  const report = useReport();
  const [groups, setGroups] = useState<DuplicateGroup[] | null>(null);
  // The records chosen in each group; a group of two has both chosen.
  const [chosen, setChosen] = useState<Record<string, ReadonlySet<string>>>({});

  const read = useCallback(() => {
    let live = true;
    call('customers.duplicates', {}).then((g) => live && setGroups(g), report);
    return () => {
      live = false;
    };
  }, [report]);
  useEffect(read, [read]);
  useAfterSync(read);

  // A pair merged (or no longer sharing anything) since it was chosen: its comparison goes.
  useEffect(() => {
    if (!groups || !pair) return;
    const still = groups.some((g) => pair.every((p) => g.customers.some((c) => c.id === p.id)));
    if (!still) onCompare(null);
  }, [groups, pair, onCompare]);

  if (groups === null) return <p className="muted duplicates-note">{t('customers.duplicates.loading')}</p>;
  const picked = (g: DuplicateGroup): ReadonlySet<string> =>
    chosen[groupKey(g)] ?? new Set(g.customers.length === 2 ? g.customers.map((c) => c.id) : []);
  const toggle = (g: DuplicateGroup, id: string) => {
    const now = new Set(picked(g));
    if (now.has(id)) now.delete(id);
    else now.add(id);
    setChosen((c) => ({ ...c, [groupKey(g)]: now }));
  };

  return (
    <div className="duplicates" data-testid="duplicates">
      <p className="muted small duplicates-note">{t('customers.duplicates.intro')}</p>
      {groups.length === 0 ? (
        <p className="empty-state">{t('customers.duplicates.none')}</p>
      ) : (
        <ul className="duplicate-groups">
          {groups.map((g) => {
            const key = groupKey(g);
            const sel = picked(g);
            const two = g.customers.filter((c) => sel.has(c.id));
            const comparing = pair !== null && two.length === 2 && two.every((c) => pair.some((p) => p.id === c.id));
            return (
              <li
                key={key}
                className={`duplicate-group${comparing ? ' selected' : ''}`}
                data-testid="duplicate-group"
                data-by={g.shared.join(' ')}
              >
                <div className="duplicate-group-head">
                  <strong>{t(`customers.duplicates.by_${g.shared.length === 2 ? 'both' : g.shared[0]}`)}</strong>
                  <span className="muted small">{t('customers.duplicates.count', { count: g.customers.length })}</span>
                </div>
                <ul className="duplicate-customers">
                  {g.customers.map((c) => {
                    const who = c.username ?? t('customers.duplicates.guestShort');
                    return (
                      <li key={c.id} data-testid="duplicate-customer" data-id={c.id} data-username={c.username ?? ''}>
                        <label className="duplicate-customer">
                          <input
                            type="checkbox"
                            checked={sel.has(c.id)}
                            onChange={() => toggle(g, c.id)}
                            aria-label={t('customers.duplicates.pickLabel', { name: c.name, who })}
                          />
                          <span className="duplicate-customer-text">
                            <span className="customer-row-top">
                              <strong className="customer-row-name">{c.name}</strong>
                              <span className="spacer" />
                              <span className="muted small">{t('customers.since', { date: formatDate(c.since) })}</span>
                            </span>
                            <span className="customer-row-contacts small">
                              {c.username ? (
                                <span>{t('customers.duplicates.username', { username: c.username })}</span>
                              ) : (
                                <span className="muted">{t('customers.duplicates.guest')}</span>
                              )}
                              <span className="muted">{t('customers.duplicates.submissions', { count: c.submissions })}</span>
                            </span>
                          </span>
                        </label>
                      </li>
                    );
                  })}
                </ul>
                <div className="duplicate-group-actions">
                  {two.length !== 2 && <span className="muted small">{t('customers.duplicates.pickTwo')}</span>}
                  <span className="spacer" />
                  <button
                    type="button"
                    disabled={two.length !== 2}
                    aria-pressed={comparing}
                    onClick={() => onCompare([two[0]!, two[1]!])}
                    data-testid="duplicate-compare"
                  >
                    {t('customers.duplicates.compare')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
