/**
 * MailDev (npm `maildev`) on loopback: the local server's inbox. Mail goes in over SMTP (nodemailer,
 * as on AWS it goes to SES) and is read in MailDev's web UI or its REST API (`/api/email`).
 */
import { MailDev } from 'maildev';

export interface LocalMail {
  smtpPort: number;
  /** MailDev's web UI (the inbox) and REST API base. */
  webUrl: string;
  stop(): Promise<void>;
}

/** Starts MailDev on 127.0.0.1 (port 0: free ports), mail kept in memory. */
export async function startMailDev(options: { smtpPort?: number; webPort?: number } = {}): Promise<LocalMail> {
  const maildev = new MailDev({ smtp: options.smtpPort ?? 0, ip: '127.0.0.1', web: options.webPort ?? 0, webIp: '127.0.0.1', silent: true });
  const servers = await maildev.start();
  const smtp = (servers.smtp as unknown as { getAddress(): { port: number } }).getAddress();
  const web = (servers.api as unknown as { getAddress(): { port: number } | null }).getAddress();
  return { smtpPort: smtp.port, webUrl: `http://127.0.0.1:${web!.port}`, stop: () => maildev.stop() };
}
