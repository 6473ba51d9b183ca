/**
 * Mail on AWS: one SESv2 SendEmail per message with simple content (subject, text and HTML bodies,
 * UTF-8), from the stack's sender address and configuration set. SES builds the MIME message itself,
 * so the notifier needs no mail library (nodemailer is ~240 KB of its cold start; it is used only for
 * SMTP, locally: shared/notices/mailer.ts).
 */
import { SESv2Client, SendEmailCommand, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import type { Mail } from './mail';
import type { Mailer } from './mailer';

export interface SesMailOptions {
  /** The sender, `Name <address>` or an address (an SES-verified identity). */
  from: string;
  configurationSet?: string | undefined;
}

/**
 * The sender as SES takes it: addresses are 7-bit ASCII, and a display name with other characters must
 * be a MIME encoded-word (SES refuses it raw; nodemailer used to encode it); one with specials is quoted.
 */
export function sesFromAddress(from: string): string {
  const match = /^\s*(.*?)\s*<([^<>\s]+)>\s*$/.exec(from);
  if (!match) return from.trim();
  const quoted = /^"(.*)"$/.exec(match[1]!);
  const name = quoted ? quoted[1]!.replace(/\\(.)/g, '$1') : match[1]!;
  const address = match[2]!;
  if (!name) return address;
  if (/[^\x20-\x7e]/.test(name)) return `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?= <${address}>`;
  if (/[()<>\[\]:;@\\,."]/.test(name)) return `"${name.replace(/(["\\])/g, '\\$1')}" <${address}>`;
  return `${name} <${address}>`;
}

/** The SendEmail request of one mail (pure). */
export function sesSendEmailInput(mail: Mail, options: SesMailOptions): SendEmailCommandInput {
  const utf8 = (Data: string) => ({ Data, Charset: 'UTF-8' });
  return {
    FromEmailAddress: sesFromAddress(options.from),
    Destination: { ToAddresses: [mail.to] },
    Content: { Simple: { Subject: utf8(mail.subject), Body: { Text: utf8(mail.text), Html: utf8(mail.html) } } },
    ...(options.configurationSet ? { ConfigurationSetName: options.configurationSet } : {}),
  };
}

export function sesMailer(options: SesMailOptions & { client?: SESv2Client }): Mailer {
  const client = options.client ?? new SESv2Client({});
  return { send: async (mail) => void (await client.send(new SendEmailCommand(sesSendEmailInput(mail, options)))) };
}
