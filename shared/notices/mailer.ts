/**
 * How mail leaves: nodemailer's SES transport over @aws-sdk/client-sesv2 on AWS (sender address and
 * configuration set from the stack's settings), or SMTP (locally: MailDev). Same messages either way.
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { createTransport } from 'nodemailer';
import type { Mail } from './mail';

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export function smtpMailer(options: { host: string; port: number; from: string }): Mailer {
  const transport = createTransport({ host: options.host, port: options.port, secure: false, ignoreTLS: true });
  return { send: async (mail) => void (await transport.sendMail({ from: options.from, ...mail })) };
}

export function sesMailer(options: { from: string; configurationSet?: string | undefined; client?: SESv2Client }): Mailer {
  const transport = createTransport({ SES: { sesClient: options.client ?? new SESv2Client({}), SendEmailCommand } });
  return {
    send: async (mail) =>
      void (await transport.sendMail({ from: options.from, ...mail, ...(options.configurationSet ? { ses: { ConfigurationSetName: options.configurationSet } } : {}) } as never)),
  };
}
