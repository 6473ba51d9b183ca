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

/** The SendEmail request of one mail (pure). */
export function sesSendEmailInput(mail: Mail, options: SesMailOptions): SendEmailCommandInput {
  const utf8 = (Data: string) => ({ Data, Charset: 'UTF-8' });
  return {
    FromEmailAddress: options.from,
    Destination: { ToAddresses: [mail.to] },
    Content: { Simple: { Subject: utf8(mail.subject), Body: { Text: utf8(mail.text), Html: utf8(mail.html) } } },
    ...(options.configurationSet ? { ConfigurationSetName: options.configurationSet } : {}),
  };
}

export function sesMailer(options: SesMailOptions & { client?: SESv2Client }): Mailer {
  const client = options.client ?? new SESv2Client({});
  return { send: async (mail) => void (await client.send(new SendEmailCommand(sesSendEmailInput(mail, options)))) };
}
