/**
 * How mail leaves: SMTP through nodemailer (locally: MailDev), or SES on AWS (shared/notices/ses-mailer.ts,
 * which the notifier imports without this module, so nodemailer is not in its bundle). Same messages either way.
 */
import { createTransport } from 'nodemailer';
import type { Mail } from './mail';

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export function smtpMailer(options: { host: string; port: number; from: string }): Mailer {
  const transport = createTransport({ host: options.host, port: options.port, secure: false, ignoreTLS: true });
  return { send: async (mail) => void (await transport.sendMail({ from: options.from, ...mail })) };
}
