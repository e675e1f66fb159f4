/**
 * What directors keep for the whole organisation and everyone who works an inbox uses: canned replies
 * (domain/canned-replies.ts) and tags (domain/tags.ts). Filling a canned reply for a submission and tagging a
 * submission are inbox methods (inbox.ts), under that inbox's grant.
 */
import { listCannedReplies, saveCannedReply } from '../../core/domain/canned-replies.ts';
import { listTags, saveTag } from '../../core/domain/tags.ts';
import { mayUseInbox, submissionKindsOf } from '../../../common/roles.ts';
import { SUBMISSION_KINDS } from '../../../common/vocabulary/submissions.ts';
import { ApiError } from '../errors.ts';
import { me, type Handler } from './types.ts';

export const cannedTagHandlers = {
  'cannedReplies.list': {
    run: ({ kind, includeArchived }, ctx) => {
      const person = me(ctx);
      const director = person.role === 'director';
      if (kind && !mayUseInbox(person, kind)) throw new ApiError('forbidden', `${person.displayName} does not hold the ${kind} inbox`);
      const kinds = kind ? [kind] : director ? [...SUBMISSION_KINDS] : submissionKindsOf(person);
      // Archived replies are for the directors who keep them; nobody else is offered them.
      return listCannedReplies(ctx.store.db, { kinds, includeArchived: director && includeArchived });
    },
  } satisfies Handler<'cannedReplies.list'>,
  'cannedReplies.save': {
    run: ({ id, version, canned }, ctx) => saveCannedReply(ctx.store.db, me(ctx).id, { id, version, fields: canned }),
    audit: ({ canned }, out) => ({
      action: 'canned_reply.save',
      targetType: 'canned_reply',
      targetId: out.id,
      detail: { kind: canned.kind, active: canned.active },
    }),
  } satisfies Handler<'cannedReplies.save'>,
  'tags.list': { run: (q, ctx) => listTags(ctx.store.db, q) } satisfies Handler<'tags.list'>,
  'tags.save': {
    run: ({ id, version, tag }, ctx) => saveTag(ctx.store.db, me(ctx).id, { id, version, fields: tag }),
    audit: ({ tag }, out) => ({
      action: 'tag.save',
      targetType: 'tag',
      targetId: out.id,
      detail: { name: tag.name, archived: tag.archived },
    }),
  } satisfies Handler<'tags.save'>,
};
