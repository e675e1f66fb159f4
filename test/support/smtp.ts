/** A real SMTP listener on 127.0.0.1 that keeps what it receives, parsed. */
import { after } from 'node:test';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string;
  subject: string;
  text: string;
  messageId: string;
  attachments: { filename: string; content: string }[];
}

export interface SmtpListener {
  url: string;
  received: Received[];
  /** Called after a message was read and before the server answers 250; lets a test act in that window. */
  beforeAccept?: () => void;
  /** When set, every RCPT is refused with this reply. */
  refuseWith?: string;
}

export async function startSmtpListener(): Promise<SmtpListener> {
  const listener: SmtpListener = { url: '', received: [] };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (listener.refuseWith) {
        const e = new Error(listener.refuseWith) as Error & { responseCode: number };
        e.responseCode = 550;
        return callback(e);
      }
      callback();
    },
    onData(stream, _session, callback) {
      void simpleParser(stream).then((mail) => {
        const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
        listener.received.push({
          to: to?.value[0]?.address ?? '',
          subject: mail.subject ?? '',
          text: (mail.text ?? '').trim(),
          messageId: mail.messageId ?? '',
          attachments: mail.attachments.map((a) => ({ filename: a.filename ?? '', content: a.content.toString('utf8') })),
        });
        listener.beforeAccept?.();
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  listener.url = `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  return listener;
}
