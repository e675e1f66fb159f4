/** The comment moderation queue: list (and re-list, passively, after a sync or a decision), decide (first decision wins at the hub) and undo. */
import {
  authorOf,
  commentCounts,
  commentPages,
  listComments,
  moderateComment,
  moderateComments,
  undoDecision,
} from '../../core/domain/comments.ts';
import { addAuthorNote, setAuthorStanding } from '../../core/domain/comment-authors.ts';
import { listWords, saveWord } from '../../core/domain/moderation-words.ts';
import { submissionFromComment } from '../../core/domain/comment-submissions.ts';
import { mayUseInbox } from '../../../common/roles.ts';
import { ApiError } from '../errors.ts';
import { me, type Handler } from './types.ts';

export const commentHandlers = {
  'comments.list': { run: (q, ctx) => listComments(ctx.store.db, q) } satisfies Handler<'comments.list'>,
  'comments.relist': { run: (q, ctx) => listComments(ctx.store.db, q) } satisfies Handler<'comments.relist'>,

  'comments.author': {
    run: ({ id }, ctx) => authorOf(ctx.store.db, id),
    // Whose record was looked at: a customer's history of comments is theirs.
    audit: ({ id }) => ({ action: 'comment.author', targetType: 'comment', targetId: id }),
  } satisfies Handler<'comments.author'>,
  'comments.authorStanding': {
    run: ({ id, standing }, ctx) => {
      const person = me(ctx);
      return setAuthorStanding(ctx.store.db, id, { id: person.id, name: person.displayName }, standing);
    },
    // The reason is the moderators' words about a customer: the audit keeps what was decided, not why.
    audit: ({ id, standing }, { rejected }) => ({
      action: 'comment.authorStanding',
      targetType: 'comment',
      targetId: id,
      detail: { premoderate: standing.premoderate, banned: standing.banned, rejected },
    }),
  } satisfies Handler<'comments.authorStanding'>,
  'comments.authorNote': {
    run: ({ id, body }, ctx) => {
      const person = me(ctx);
      return addAuthorNote(ctx.store.db, id, { id: person.id, name: person.displayName }, body);
    },
    audit: ({ id }, out) => ({ action: 'comment.authorNote', targetType: 'comment', targetId: id, detail: { note: out.id } }),
  } satisfies Handler<'comments.authorNote'>,
  'comments.toSubmission': {
    run: ({ id, kind }, ctx) => {
      const person = me(ctx);
      if (!mayUseInbox(person, kind)) throw new ApiError('forbidden', `${person.displayName} does not hold the ${kind} inbox`);
      return submissionFromComment(ctx.store.db, id, person.id, kind);
    },
    audit: ({ id, kind }, out) => ({
      action: 'comment.toSubmission',
      targetType: 'comment',
      targetId: id,
      detail: { kind, submission: out.id },
    }),
  } satisfies Handler<'comments.toSubmission'>,
  'moderationWords.list': { run: (_q, ctx) => listWords(ctx.store.db) } satisfies Handler<'moderationWords.list'>,
  'moderationWords.save': {
    run: ({ word }, ctx) => saveWord(ctx.store.db, me(ctx).id, word),
    audit: ({ word }, out) => ({ action: 'moderation_word.save', targetType: 'moderation_word', targetId: out.id, detail: word }),
  } satisfies Handler<'moderationWords.save'>,
  'comments.counts': { run: (_q, ctx) => commentCounts(ctx.store.db) } satisfies Handler<'comments.counts'>,
  'comments.pages': { run: ({ status }, ctx) => commentPages(ctx.store.db, status) } satisfies Handler<'comments.pages'>,

  'comments.moderate': {
    run: ({ id, decision, reason }, ctx) => {
      const person = me(ctx);
      moderateComment(ctx.store.db, id, { id: person.id, name: person.displayName }, decision, Date.now(), reason);
      return { ok: true as const };
    },
    audit: ({ id, decision, reason }) => ({
      action: 'comment.moderate',
      targetType: 'comment',
      targetId: id,
      detail: { decision, ...(reason && { reason }) },
    }),
  } satisfies Handler<'comments.moderate'>,

  'comments.moderateMany': {
    run: ({ ids, decision }, ctx) => {
      const person = me(ctx);
      return moderateComments(ctx.store.db, [...new Set(ids)], { id: person.id, name: person.displayName }, decision);
    },
    // One row for the selection: the decision, the comments it decided and those it did not.
    audit: ({ ids, decision }, { refused }) => ({
      action: 'comment.moderateMany',
      detail: { decision, decided: ids.filter((id) => !refused.some((r) => r.id === id)), refused: refused.map((r) => r.id) },
    }),
  } satisfies Handler<'comments.moderateMany'>,

  'comments.undo': {
    run: ({ id }, ctx) => {
      const person = me(ctx);
      return { outcome: undoDecision(ctx.store.db, id, { id: person.id, name: person.displayName }) };
    },
    audit: ({ id }) => ({ action: 'comment.undo', targetType: 'comment', targetId: id }),
  } satisfies Handler<'comments.undo'>,
};
